package dev.tinyj.conformance.kernels.elementwise;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.AddPrepare;
import dev.tinyj.emulator.toolchain.prepare.MulPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.kernels.Add;
import dev.tinyj.runtime.kernels.Mul;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * ADD and MUL against a plain reference: broadcast by explicit multi-index arithmetic, the
 * multipliers derived from their defining formulas, the fixed-point steps of {@link RefInt8}.
 * Shapes of rank 0..6 with random broadcast dimensions; operands at non-zero offsets.
 */
class ElementwisePropertyTest {
    /** A generated case: shapes, quantization, data. */
    record Gen(int[] s1, int[] s2, int[] out, float[] scales, int[] zps, String act, byte[] a, byte[] b) {
        static Gen of(long seed) {
            Random r = new Random(seed);
            int rank = r.nextInt(7);
            int[] out = new int[rank];
            for (int k = 0; k < rank; k++) {
                out[k] = 1 + r.nextInt(rank > 4 ? 2 : 3);
            }
            int[] s1 = operand(r, out);
            int[] s2 = operand(r, out);
            int outRank = Math.max(s1.length, s2.length);
            int[] full = new int[outRank];
            for (int k = 0; k < outRank; k++) {
                full[k] = Math.max(dim(s1, k, outRank), dim(s2, k, outRank));
            }
            float[] sc = {RefInt8.scale(r, -10, 0), RefInt8.scale(r, -10, 0), RefInt8.scale(r, -10, 1)};
            int[] zp = {r.nextInt(256) - 128, r.nextInt(256) - 128, r.nextInt(256) - 128};
            return new Gen(s1, s2, full, sc, zp, RefInt8.ACTIVATIONS[r.nextInt(4)],
                    RefInt8.int8s(r, size(s1)), RefInt8.int8s(r, size(s2)));
        }

        /** The output shape with some dimensions set to 1 and maybe leading ones dropped. */
        private static int[] operand(Random r, int[] out) {
            int drop = r.nextInt(out.length + 1);
            if (r.nextBoolean()) {
                drop = 0;
            }
            int[] s = Arrays.copyOfRange(out, drop, out.length);
            for (int k = 0; k < s.length; k++) {
                if (r.nextInt(3) == 0) {
                    s[k] = 1;
                }
            }
            return s;
        }

        OpContext context(String op) {
            TensorInfo t1 = new TensorInfo(0, "input1", DType.INT8, s1, Quantization.perTensor(scales[0], zps[0]), null);
            TensorInfo t2 = new TensorInfo(1, "input2", DType.INT8, s2, Quantization.perTensor(scales[1], zps[1]), null);
            TensorInfo o = new TensorInfo(2, "output", DType.INT8, out, Quantization.perTensor(scales[2], zps[2]), null);
            return new OpContext(op, 0, List.of(t1, t2), o, new OpOptions(Map.of("fused_activation_function", act)));
        }
    }

    static int dim(int[] shape, int k, int rank) {
        int i = k - (rank - shape.length);
        return i < 0 ? 1 : shape[i];
    }

    static int size(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Flat index into {@code shape} (right-aligned in the output's rank) of output multi-index {@code idx}. */
    static int index(int[] shape, int[] idx) {
        int flat = 0;
        int rank = idx.length;
        for (int k = 0; k < rank; k++) {
            int d = dim(shape, k, rank);
            flat = flat * d + (d == 1 ? 0 : idx[k]);
        }
        return flat;
    }

    /** Output multi-index of flat output position {@code i}. */
    static int[] unflatten(int[] out, int i) {
        int[] idx = new int[out.length];
        for (int k = out.length - 1; k >= 0; k--) {
            idx[k] = i % out[k];
            i /= out[k];
        }
        return idx;
    }

    interface Element {
        int apply(int x, int y);
    }

    static byte[] reference(Gen g, Element f) {
        int[] lohi = RefInt8.activation(g.act(), g.scales()[2], g.zps()[2]);
        byte[] o = new byte[size(g.out())];
        for (int i = 0; i < o.length; i++) {
            int[] idx = unflatten(g.out(), i);
            int v = f.apply(g.a()[index(g.s1(), idx)], g.b()[index(g.s2(), idx)]);
            o[i] = (byte) Math.min(lohi[1], Math.max(lohi[0], v));
        }
        return o;
    }

    static byte[] runKernel(Gen g, PreparedOp op, boolean add) {
        byte[] params = RefInt8.at(op.params(), 9);
        byte[] a = RefInt8.at(g.a(), 3);
        byte[] b = RefInt8.at(g.b(), 6);
        byte[] out = new byte[size(g.out()) + 11];
        if (add) {
            Add.eval(params, 9, a, 3, b, 6, out, 4);
        } else {
            Mul.eval(params, 9, a, 3, b, 6, out, 4);
        }
        return Arrays.copyOfRange(out, 4, 4 + size(g.out()));
    }

    @Property
    void addMatchesReference(@ForAll long seed) throws PrepareException {
        Gen g = Gen.of(seed);
        PreparedOp op = new AddPrepare().prepare(g.context("ADD"));
        assertArrayEquals(g.out(), op.outputShape());
        double twiceMax = 2.0 * Math.max(g.scales()[0], g.scales()[1]);
        int[] q1 = RefInt8.multiplier(g.scales()[0] / twiceMax);
        int[] q2 = RefInt8.multiplier(g.scales()[1] / twiceMax);
        int[] qo = RefInt8.multiplier(twiceMax / (1048576.0 * g.scales()[2]));
        byte[] want = reference(g, (x, y) -> {
            int s1 = RefInt8.scale((x - g.zps()[0]) << 20, q1[0], q1[1]);
            int s2 = RefInt8.scale((y - g.zps()[1]) << 20, q2[0], q2[1]);
            return RefInt8.scale(s1 + s2, qo[0], qo[1]) + g.zps()[2];
        });
        assertArrayEquals(want, runKernel(g, op, true), "seed " + seed);
    }

    @Property
    void mulMatchesReference(@ForAll long seed) throws PrepareException {
        Gen g = Gen.of(seed);
        PreparedOp op = new MulPrepare().prepare(g.context("MUL"));
        int[] q = RefInt8.multiplier((double) g.scales()[0] * g.scales()[1] / g.scales()[2]);
        byte[] want = reference(g, (x, y) -> RefInt8.scale((x - g.zps()[0]) * (y - g.zps()[1]), q[0], q[1])
                + g.zps()[2]);
        assertArrayEquals(want, runKernel(g, op, false), "seed " + seed);
    }

    /** Add's prepared multipliers: Q31 mantissas in [2^30, 2^31), shifts ≤ 0, within half an ulp of the real factor. */
    @Property
    void addMultipliersEncodeTheirFactors(@ForAll long seed) throws PrepareException {
        Gen g = Gen.of(seed);
        byte[] p = new AddPrepare().prepare(g.context("ADD")).params();
        double twiceMax = 2.0 * Math.max(g.scales()[0], g.scales()[1]);
        double[] real = {g.scales()[0] / twiceMax, g.scales()[1] / twiceMax, twiceMax / (1048576.0 * g.scales()[2])};
        int[][] fields = {{Add.P_INPUT1_MULTIPLIER, Add.P_INPUT1_SHIFT}, {Add.P_INPUT2_MULTIPLIER, Add.P_INPUT2_SHIFT},
            {Add.P_OUTPUT_MULTIPLIER, Add.P_OUTPUT_SHIFT}};
        for (int k = 0; k < 3; k++) {
            int m = Flash.readInt(p, fields[k][0]);
            int s = Flash.readInt(p, fields[k][1]);
            assertTrue(s <= 0 && m >= 1 << 30, "multiplier " + m + " shift " + s);
            double encoded = Math.scalb((double) m, s - 31);
            assertTrue(Math.abs(encoded - real[k]) <= Math.scalb(1.0, s - 32), real[k] + " vs " + encoded);
        }
    }
}
