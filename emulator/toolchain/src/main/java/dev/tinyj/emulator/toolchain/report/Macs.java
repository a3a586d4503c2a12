package dev.tinyj.emulator.toolchain.report;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiply-accumulates of one operator, the figure MLPerf Tiny and TFLM's profilers report:
 * FULLY_CONNECTED batches × units × depth; CONV_2D output elements × filter H × W × filter depth;
 * DEPTHWISE_CONV_2D output elements × filter H × W; pools output elements × window; ADD and MUL one
 * per output element; others 0.
 */
public final class Macs {
    private Macs() {
    }

    /**
     * @param op TFLite builtin name
     * @param inputs input tensors (null for absent ones)
     * @param output output tensor
     * @param filterH pool window height (pools only; else ignored)
     * @param filterW pool window width (pools only; else ignored)
     */
    public static long of(String op, List<TensorInfo> inputs, TensorInfo output, int filterH, int filterW) {
        long outElems = output.flatSize();
        return switch (op) {
            case "FULLY_CONNECTED" -> {
                TensorInfo w = inputs.get(1);
                yield outElems * w.dim(-1);
            }
            case "CONV_2D" -> {
                TensorInfo w = inputs.get(1);
                yield outElems * w.dim(1) * w.dim(2) * w.dim(3);
            }
            case "DEPTHWISE_CONV_2D" -> {
                TensorInfo w = inputs.get(1);
                yield outElems * w.dim(1) * w.dim(2);
            }
            case "AVERAGE_POOL_2D", "MAX_POOL_2D" -> outElems * filterH * filterW;
            case "ADD", "MUL" -> outElems;
            default -> 0;
        };
    }

    /** MACs of compiled operator {@code op}; pool windows from its builtin options in {@code tflite}. */
    public static long of(TfliteModel tflite, CompiledModel model, CompiledOp op) {
        List<TensorInfo> in = new ArrayList<>();
        for (int t : op.inputs()) {
            in.add(t >= 0 ? info(model.tensors().get(t)) : null);
        }
        OpOptions o = tflite.main().operators().get(op.index()).options();
        int fh;
        int fw;
        try {
            fh = o.integer("filter_height", 1);
            fw = o.integer("filter_width", 1);
        } catch (PrepareException e) {
            fh = 1;
            fw = 1;
        }
        return of(op.name(), in, info(model.tensors().get(op.output())), fh, fw);
    }

    /** MACs of every operator of {@code model}. */
    public static long total(TfliteModel tflite, CompiledModel model) {
        long n = 0;
        for (CompiledOp op : model.ops()) {
            n += of(tflite, model, op);
        }
        return n;
    }

    private static TensorInfo info(CompiledTensor t) {
        return new TensorInfo(t.index(), t.name(), t.type(), t.shape(), t.quantization(), null);
    }
}
