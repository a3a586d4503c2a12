package dev.tinyj.conformance.compile;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.Concatenation;
import dev.tinyj.runtime.kernels.Conv2D;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.FullyConnected;
import dev.tinyj.runtime.kernels.Logistic;
import dev.tinyj.runtime.kernels.MaxPool2D;
import dev.tinyj.runtime.kernels.Mean;
import dev.tinyj.runtime.kernels.Mul;
import dev.tinyj.runtime.kernels.Pad;
import dev.tinyj.runtime.kernels.Quantize;
import dev.tinyj.runtime.kernels.Reshape;
import dev.tinyj.runtime.kernels.Softmax;
import dev.tinyj.runtime.kernels.StridedSlice;
import dev.tinyj.runtime.kernels.Tanh;
import dev.tinyj.runtime.ops.OpCodes;

/**
 * A test-side executor of a {@link CompiledModel} on ONE arena array laid out exactly as planned:
 * every arena tensor at its offset (aliases and overlaps included), constants from their flash
 * bytes, a skipped RESHAPE when {@link CompiledOp#inPlace()}. Running a model this way and getting
 * TFLM's golden output shows the plan and the in-place rules do not corrupt any value the kernels
 * still need (the device runtime's interpreter is not written yet; this plays its part).
 */
final class ArenaRunner {
    private ArenaRunner() {
    }

    /**
     * Runs {@code m} on {@code input} (all model inputs' bytes concatenated in input order) and
     * returns all model outputs' bytes concatenated in output order.
     */
    static byte[] run(CompiledModel m, byte[] input) {
        byte[] arena = new byte[m.arenaBytes()];
        int at = 0;
        for (int i : m.inputs()) {
            CompiledTensor t = m.tensors().get(i);
            System.arraycopy(input, at, arena, t.arenaOffset(), t.bytes());
            at += t.bytes();
        }
        if (at != input.length) {
            throw new IllegalArgumentException("input of " + input.length + " bytes, model takes " + at);
        }
        for (CompiledOp op : m.ops()) {
            if (!op.inPlace()) {
                eval(m, op, arena);
            }
        }
        int total = 0;
        for (int o : m.outputs()) {
            total += m.tensors().get(o).bytes();
        }
        byte[] out = new byte[total];
        at = 0;
        for (int o : m.outputs()) {
            CompiledTensor t = m.tensors().get(o);
            System.arraycopy(arena, t.arenaOffset(), out, at, t.bytes());
            at += t.bytes();
        }
        return out;
    }

    private static void eval(CompiledModel m, CompiledOp op, byte[] arena) {
        byte[] p = op.params();
        byte[] o = arena;
        int oo = m.tensors().get(op.output()).arenaOffset();
        byte[] a = array(m, op, 0, arena);
        int ao = offset(m, op, 0);
        switch (op.opCode()) {
            case OpCodes.ADD -> Add.eval(p, 0, a, ao, array(m, op, 1, arena), offset(m, op, 1), o, oo);
            case OpCodes.MUL -> Mul.eval(p, 0, a, ao, array(m, op, 1, arena), offset(m, op, 1), o, oo);
            case OpCodes.CONV_2D -> Conv2D.eval(p, 0, a, ao, array(m, op, 1, arena), offset(m, op, 1),
                    array(m, op, 2, arena), offset(m, op, 2), o, oo);
            case OpCodes.DEPTHWISE_CONV_2D -> DepthwiseConv2D.eval(p, 0, a, ao, array(m, op, 1, arena),
                    offset(m, op, 1), array(m, op, 2, arena), offset(m, op, 2), o, oo);
            case OpCodes.FULLY_CONNECTED -> FullyConnected.eval(p, 0, a, ao, array(m, op, 1, arena),
                    offset(m, op, 1), array(m, op, 2, arena), offset(m, op, 2), o, oo);
            case OpCodes.AVERAGE_POOL_2D -> AveragePool2D.eval(p, 0, a, ao, o, oo);
            case OpCodes.MAX_POOL_2D -> MaxPool2D.eval(p, 0, a, ao, o, oo);
            case OpCodes.SOFTMAX -> Softmax.eval(p, 0, a, ao, o, oo);
            case OpCodes.LOGISTIC -> Logistic.eval(p, 0, a, ao, o, oo);
            case OpCodes.TANH -> Tanh.eval(p, 0, a, ao, o, oo);
            case OpCodes.QUANTIZE -> Quantize.eval(p, 0, a, ao, o, oo);
            case OpCodes.DEQUANTIZE -> Dequantize.eval(p, 0, a, ao, o, oo);
            case OpCodes.RESHAPE -> Reshape.eval(p, 0, a, ao, o, oo);
            case OpCodes.MEAN -> Mean.eval(p, 0, a, ao, o, oo);
            case OpCodes.STRIDED_SLICE -> StridedSlice.eval(p, 0, a, ao, o, oo);
            case OpCodes.PAD, OpCodes.PADV2 -> Pad.eval(p, 0, a, ao, array(m, op, 2, arena), offset(m, op, 2), o, oo);
            case OpCodes.CONCATENATION -> {
                for (int k = 0; k < op.inputs().length; k++) {
                    Concatenation.evalOne(p, 0, k, array(m, op, k, arena), offset(m, op, k), o, oo);
                }
            }
            default -> throw new IllegalArgumentException("no kernel for op code " + op.opCode());
        }
    }

    /** The array holding operand {@code k}: the arena, its flash bytes, or null when absent. */
    private static byte[] array(CompiledModel m, CompiledOp op, int k, byte[] arena) {
        if (k >= op.inputs().length || op.inputs()[k] < 0) {
            return null;
        }
        CompiledTensor t = m.tensors().get(op.inputs()[k]);
        return t.placement() == Placement.ARENA ? arena : t.data();
    }

    private static int offset(CompiledModel m, CompiledOp op, int k) {
        if (k >= op.inputs().length || op.inputs()[k] < 0) {
            return 0;
        }
        CompiledTensor t = m.tensors().get(op.inputs()[k]);
        return t.placement() == Placement.ARENA ? t.arenaOffset() : 0;
    }
}
