package dev.tinyj.emulator.toolchain.report;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
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
}
