package dev.tinyj.conformance.kernels.shape;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Builders for the shape-family properties: tensors, contexts, data, index arithmetic. */
final class ShapeGen {
    private ShapeGen() {
    }

    static TensorInfo int8(int index, String name, int[] shape, float scale, int zeroPoint) {
        return new TensorInfo(index, name, DType.INT8, shape, Quantization.perTensor(scale, zeroPoint), null);
    }

    static TensorInfo int32Const(int index, String name, int[] shape, int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putInt(v);
        }
        return new TensorInfo(index, name, DType.INT32, shape, null, b.array());
    }

    static OpContext context(String op, List<TensorInfo> inputs, TensorInfo output, Map<String, String> options) {
        return new OpContext(op, 0, inputs, output, new OpOptions(options));
    }

    static byte[] randomBytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    static int[] randomShape(Random r, int minRank, int maxRank, int maxDim) {
        int[] s = new int[minRank + r.nextInt(maxRank - minRank + 1)];
        for (int k = 0; k < s.length; k++) {
            s[k] = 1 + r.nextInt(maxDim);
        }
        return s;
    }

    static int count(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Row-major coordinates of flat index {@code flat}. */
    static int[] coords(int flat, int[] shape) {
        int[] c = new int[shape.length];
        for (int k = shape.length - 1; k >= 0; k--) {
            c[k] = flat % shape[k];
            flat /= shape[k];
        }
        return c;
    }

    /** Row-major flat index of {@code c}. */
    static int flat(int[] c, int[] shape) {
        int f = 0;
        for (int k = 0; k < shape.length; k++) {
            f = f * shape[k] + c[k];
        }
        return f;
    }
}
