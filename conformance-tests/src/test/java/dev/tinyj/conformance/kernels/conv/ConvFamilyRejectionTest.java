package dev.tinyj.conformance.kernels.conv;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * What the convolution family's prepare refuses, each from a valid TFLM vector case with one thing
 * changed: out-of-scope types (message "unsupported type", naming the operator and the tensor),
 * shape and quantization constraints.
 */
class ConvFamilyRejectionTest {

    private static OpContext vector(String file, String id) {
        return KernelVectors.load(file).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().context();
    }

    private static OpContext withInput(OpContext ctx, int k, UnaryOperator<TensorInfo> change) {
        List<TensorInfo> in = new ArrayList<>(ctx.inputs());
        in.set(k, change.apply(in.get(k)));
        return new OpContext(ctx.op(), ctx.index(), in, ctx.output(), ctx.options());
    }

    private static OpContext withOutput(OpContext ctx, UnaryOperator<TensorInfo> change) {
        return new OpContext(ctx.op(), ctx.index(), ctx.inputs(), change.apply(ctx.output()), ctx.options());
    }

    private static TensorInfo retype(TensorInfo t, DType type) {
        return new TensorInfo(t.index(), t.name(), type, t.shape(), t.quantization(), t.data());
    }

    private static TensorInfo reshape(TensorInfo t, int... shape) {
        return new TensorInfo(t.index(), t.name(), t.type(), shape, t.quantization(), t.data());
    }

    private static String refused(OpContext ctx) {
        return assertThrows(PrepareException.class, () -> OpTable.byName(ctx.op()).orElseThrow().prepare()
                .prepare(ctx)).getMessage();
    }

    @Test
    void outOfScopeTypesAreUnsupported() {
        for (String[] v : new String[][] {{"conv.txt", "conv_simple_per_channel"},
                {"depthwise_conv.txt", "dw_simple_per_channel"}, {"fully_connected.txt", "fc_simple_int8"}}) {
            OpContext ctx = vector(v[0], v[1]);
            for (DType t : new DType[] {DType.INT16, DType.UINT8, DType.INT32, DType.FLOAT32}) {
                String m = refused(withInput(ctx, 0, x -> retype(x, t)));
                assertTrue(m.contains("unsupported type") && m.contains("operator 0") && m.contains("tensor 0"), m);
                m = refused(withOutput(ctx, x -> retype(x, t)));
                assertTrue(m.contains("unsupported type") && m.contains("tensor 3"), m);
            }
            assertTrue(refused(withInput(ctx, 1, x -> retype(x, DType.INT4))).contains("unsupported type"));
            assertTrue(refused(withInput(ctx, 2, x -> retype(x, DType.INT8))).contains("unsupported type"));
        }
    }

    @Test
    void shapeAndQuantizationConstraints() {
        OpContext conv = vector("conv.txt", "conv_simple_per_channel");
        refused(withOutput(conv, o -> reshape(o, 2, 1, 2, 4)));
        refused(withOutput(conv, o -> reshape(o, 1, 1, 2, 3)));
        refused(withInput(conv, 2, b -> reshape(b, 4)));
        refused(withInput(conv, 1, f -> new TensorInfo(f.index(), f.name(), f.type(), f.shape(),
                new Quantization(new float[] {1f, 2f}, new long[2], 0), f.data())));
        OpContext dw = vector("depthwise_conv.txt", "dw_simple_per_channel");
        refused(withInput(dw, 1, f -> reshape(f, 1, 2, 2, 3)));
        OpContext fc = vector("fully_connected.txt", "fc_simple_int8");
        refused(withOutput(fc, o -> reshape(o, 3, 3)));
        refused(withInput(fc, 0, i -> reshape(i, 3, 7)));
        String m = refused(withInput(fc, 2, b -> new TensorInfo(b.index(), b.name(), b.type(), b.shape(),
                Quantization.perTensor(0.9f, 0), b.data())));
        assertTrue(m.contains("bias scale"), m);
    }
}
