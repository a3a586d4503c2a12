package dev.tinyj.conformance.image;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.Dequantize;
import dev.tinyj.runtime.kernels.Quantize;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A small hand-made compiled model, independent of {@code ../shared}: float32[1,4] → QUANTIZE →
 * int8[1,4] → RESHAPE (in place, its shape operand ABSENT) → int8[2,2] → ADD with a FLASH
 * constant int8[2,2] → DEQUANTIZE → float32[2,2]. Tensors:
 * 0 in (arena 0), 1 q (arena 16), 2 shape (absent), 3 r (arena 16, aliases q), 4 k (flash),
 * 5 sum (arena 20), 6 out (arena 24). Arena 40 bytes.
 */
final class HandModel {
    private HandModel() {
    }

    static final Quantization Q_IN = Quantization.perTensor(0.05f, 3);
    static final Quantization Q_K = Quantization.perTensor(0.02f, -5);
    static final Quantization Q_SUM = Quantization.perTensor(0.1f, 1);
    static final byte[] K = {10, -20, 30, -40};

    static TensorInfo info(int index, DType type, int[] shape, Quantization q, byte[] data) {
        return new TensorInfo(index, "t" + index, type, shape, q, data);
    }

    static CompiledModel model() throws PrepareException {
        TensorInfo in = info(0, DType.FLOAT32, new int[] {1, 4}, null, null);
        TensorInfo q = info(1, DType.INT8, new int[] {1, 4}, Q_IN, null);
        TensorInfo shape = info(2, DType.INT32, new int[] {2}, null, new byte[] {2, 0, 0, 0, 2, 0, 0, 0});
        TensorInfo r = info(3, DType.INT8, new int[] {2, 2}, Q_IN, null);
        TensorInfo k = info(4, DType.INT8, new int[] {2, 2}, Q_K, K);
        TensorInfo sum = info(5, DType.INT8, new int[] {2, 2}, Q_SUM, null);
        TensorInfo out = info(6, DType.FLOAT32, new int[] {2, 2}, null, null);
        List<CompiledOp> ops = List.of(
                op(0, "QUANTIZE", List.of(in), q, new int[] {0}, false),
                op(1, "RESHAPE", List.of(q, shape), r, new int[] {1, 2}, true),
                op(2, "ADD", List.of(r, k), sum, new int[] {3, 4}, false),
                op(3, "DEQUANTIZE", List.of(sum), out, new int[] {5}, false));
        List<CompiledTensor> tensors = List.of(
                tensor(in, Placement.ARENA, 0), tensor(q, Placement.ARENA, 16), tensor(shape, Placement.ABSENT, -1),
                tensor(r, Placement.ARENA, 16), tensor(k, Placement.FLASH, -1), tensor(sum, Placement.ARENA, 20),
                tensor(out, Placement.ARENA, 24));
        return new CompiledModel("hand", tensors, ops, new int[] {0}, new int[] {6}, 40);
    }

    private static CompiledOp op(int index, String name, List<TensorInfo> inputs, TensorInfo output, int[] operands,
            boolean inPlace) throws PrepareException {
        OpTable.Entry e = OpTable.byName(name).orElseThrow();
        byte[] params = e.prepare().prepare(new OpContext(name, index, inputs, output, OpOptions.none())).params();
        return new CompiledOp(index, e.code(), name, params, operands, output.index(), inPlace);
    }

    private static CompiledTensor tensor(TensorInfo t, Placement p, int arenaOffset) {
        return new CompiledTensor(t.index(), t.name(), t.type(), t.shape(), t.quantization(), p, arenaOffset,
                p == Placement.ABSENT ? 0 : t.bytes(), p == Placement.FLASH ? t.data() : null, -1, 4, -1);
    }

    /** Four float32 values, little-endian. */
    static byte[] floats(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    /** The model's output computed by calling the kernels directly with the prepared blocks. */
    static byte[] reference(CompiledModel m, byte[] input) {
        byte[] q = new byte[4];
        byte[] sum = new byte[4];
        byte[] out = new byte[16];
        Quantize.eval(m.ops().get(0).params(), 0, input, 0, q, 0);
        Add.eval(m.ops().get(2).params(), 0, q, 0, K, 0, sum, 0);
        Dequantize.eval(m.ops().get(3).params(), 0, sum, 0, out, 0);
        return out;
    }
}
