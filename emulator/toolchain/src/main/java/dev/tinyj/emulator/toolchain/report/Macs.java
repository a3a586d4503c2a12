package dev.tinyj.emulator.toolchain.report;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.util.ArrayList;
import java.util.List;

/**
 * Multiply-accumulates of operators, the figure MLPerf Tiny and TFLM's profilers report, as each
 * operator declares it ({@link dev.tinyj.emulator.toolchain.ops.OpSpec#macs()}): FULLY_CONNECTED
 * batches × units × depth; CONV_2D output elements × filter H × W × filter depth;
 * DEPTHWISE_CONV_2D output elements × filter H × W; pools output elements × window; ADD and MUL one
 * per output element; others 0.
 */
public final class Macs {
    private Macs() {
    }

    /** MACs of compiled operator {@code op}; its options (pool windows) from {@code tflite}. */
    public static long of(TfliteModel tflite, CompiledModel model, CompiledOp op) {
        List<TensorInfo> in = new ArrayList<>();
        for (int t : op.inputs()) {
            in.add(t >= 0 ? info(model.tensors().get(t)) : null);
        }
        TfliteModel source = model.folding().model() != null ? model.folding().model() : tflite; // op indices after folding
        OpOptions o = source.main().operators().get(op.index()).options();
        return OpTable.spec(op.opCode()).macs().of(in, info(model.tensors().get(op.output())), o);
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
