package dev.tinyj.conformance.kernels.pooling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.AveragePool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.MaxPool2DPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.kernels.AveragePool2D;
import dev.tinyj.runtime.kernels.MaxPool2D;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * AVERAGE_POOL_2D and MAX_POOL_2D against a plain reference: every filter tap visited and the
 * ones outside the input skipped, the mean rounded as floor((2·|sum| + n) / 2n) with the sign
 * put back, TFLite's padding rule written out; random shapes, windows, strides, SAME/VALID,
 * activations, zero points; operands at non-zero offsets.
 */
class PoolingPropertyTest {
    record Gen(int n, int h, int w, int c, int fh, int fw, int sh, int sw, boolean same, float scale, int zp,
            String act, byte[] data) {
        static Gen of(long seed) {
            Random r = new Random(seed);
            int h = 1 + r.nextInt(7);
            int w = 1 + r.nextInt(7);
            boolean same = r.nextBoolean();
            int fh = 1 + r.nextInt(same ? 5 : h);
            int fw = 1 + r.nextInt(same ? 5 : w);
            int n = 1 + r.nextInt(2);
            int c = 1 + r.nextInt(3);
            return new Gen(n, h, w, c, fh, fw, 1 + r.nextInt(3), 1 + r.nextInt(3), same, RefInt8.scale(r, -8, 2),
                    r.nextInt(256) - 128, RefInt8.ACTIVATIONS[r.nextInt(4)], RefInt8.int8s(r, n * h * w * c));
        }

        int outH() {
            return same ? (h + sh - 1) / sh : (h - fh) / sh + 1;
        }

        int outW() {
            return same ? (w + sw - 1) / sw : (w - fw) / sw + 1;
        }

        int padH() {
            return Math.max(0, (outH() - 1) * sh + fh - h) / 2;
        }

        int padW() {
            return Math.max(0, (outW() - 1) * sw + fw - w) / 2;
        }

        OpContext context(String op) {
            Quantization q = Quantization.perTensor(scale, zp);
            TensorInfo in = new TensorInfo(0, "input", DType.INT8, new int[] {n, h, w, c}, q, null);
            TensorInfo out = new TensorInfo(1, "output", DType.INT8, new int[] {n, outH(), outW(), c}, q, null);
            return new OpContext(op, 0, List.of(in), out, new OpOptions(Map.of("padding", same ? "SAME" : "VALID",
                    "stride_h", "" + sh, "stride_w", "" + sw, "filter_height", "" + fh, "filter_width", "" + fw,
                    "fused_activation_function", act)));
        }

        byte[] reference(boolean average) {
            int[] lohi = RefInt8.activation(act, scale, zp);
            byte[] out = new byte[n * outH() * outW() * c];
            int o = 0;
            for (int b = 0; b < n; b++) {
                for (int y = 0; y < outH(); y++) {
                    for (int x = 0; x < outW(); x++) {
                        for (int ch = 0; ch < c; ch++) {
                            long sum = 0;
                            int count = 0;
                            int max = Integer.MIN_VALUE;
                            for (int i = 0; i < fh; i++) {
                                for (int j = 0; j < fw; j++) {
                                    int iy = y * sh - padH() + i;
                                    int ix = x * sw - padW() + j;
                                    if (iy < 0 || iy >= h || ix < 0 || ix >= w) {
                                        continue;
                                    }
                                    int v = data[((b * h + iy) * w + ix) * c + ch];
                                    sum += v;
                                    count++;
                                    max = Math.max(max, v);
                                }
                            }
                            long v;
                            if (average) {
                                v = Long.signum(sum) * ((2 * Math.abs(sum) + count) / (2L * count));
                            } else {
                                v = count == 0 ? -128 : max;
                            }
                            out[o++] = (byte) Math.min(lohi[1], Math.max(lohi[0], v));
                        }
                    }
                }
            }
            return out;
        }
    }

    private static byte[] run(Gen g, PreparedOp op, boolean average) {
        byte[] params = RefInt8.at(op.params(), 7);
        byte[] in = RefInt8.at(g.data(), 2);
        int size = g.n() * g.outH() * g.outW() * g.c();
        byte[] out = new byte[size + 9];
        if (average) {
            AveragePool2D.eval(params, 7, in, 2, out, 5);
        } else {
            MaxPool2D.eval(params, 7, in, 2, out, 5);
        }
        return Arrays.copyOfRange(out, 5, 5 + size);
    }

    @Property
    void averagePoolMatchesReference(@ForAll long seed) throws PrepareException {
        Gen g = Gen.of(seed);
        PreparedOp op = new AveragePool2DPrepare().prepare(g.context("AVERAGE_POOL_2D"));
        assertArrayEquals(g.reference(true), run(g, op, true), g.toString());
    }

    @Property
    void maxPoolMatchesReference(@ForAll long seed) throws PrepareException {
        Gen g = Gen.of(seed);
        PreparedOp op = new MaxPool2DPrepare().prepare(g.context("MAX_POOL_2D"));
        assertArrayEquals(g.reference(false), run(g, op, false), g.toString());
    }
}
