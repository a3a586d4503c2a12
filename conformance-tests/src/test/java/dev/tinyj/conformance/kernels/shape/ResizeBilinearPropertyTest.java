package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ResizeBilinearPrepare;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/**
 * RESIZE_BILINEAR prepare and kernel against a reference written from TFLM's integer bilinear
 * definition, pixel by pixel in long arithmetic with no tables: source coordinate in 1/1024 units
 * (scale rounded to nearest, align_corners, half_pixel_centers), the two neighbours clamped as
 * TFLM clamps them, the four-term weighted sum, rounded half away from zero by 2^20. Random
 * shapes up and down (1..9), channels, batches and flags; parameters and operands at non-zero
 * offsets ({@link ShapeKernels}). Plus the refusals.
 */
class ResizeBilinearPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = {1 + r.nextInt(2), 1 + r.nextInt(9), 1 + r.nextInt(9), 1 + r.nextInt(3)};
        int oh = 1 + r.nextInt(9);
        int ow = 1 + r.nextInt(9);
        int mode = r.nextInt(3);
        boolean align = mode == 1;
        boolean half = mode == 2;
        int[] out = {in[0], oh, ow, in[3]};
        PreparedOp prepared = prepare(in, new int[] {oh, ow}, align, half, out);
        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] expected = new byte[ShapeGen.count(out)];
        for (int o = 0; o < expected.length; o++) {
            int[] c = ShapeGen.coords(o, out);
            long[] ys = source(c[1], in[1], oh, align, half);
            long[] xs = source(c[2], in[2], ow, align, half);
            long sum = 0;
            for (int k = 0; k < 4; k++) {
                long y = k < 2 ? ys[0] : ys[1];
                long x = k % 2 == 0 ? xs[0] : xs[1];
                long wy = k < 2 ? 1024 - (ys[2] - 1024 * ys[0]) : ys[2] - 1024 * ys[0];
                long wx = k % 2 == 0 ? 1024 - (xs[2] - 1024 * xs[0]) : xs[2] - 1024 * xs[0];
                sum += input[ShapeGen.flat(new int[] {c[0], (int) y, (int) x, c[3]}, in)] * wy * wx;
            }
            long q = (Math.abs(sum) + (1 << 19)) >> 20;
            expected[o] = (byte) (sum > 0 ? q : -q);
        }
        assertArrayEquals(expected, ShapeKernels.run("RESIZE_BILINEAR", prepared.params(), List.of(input),
                expected.length), java.util.Arrays.toString(in) + " to " + oh + "x" + ow + " mode " + mode);
    }

    /** {lower, upper, value} of output coordinate {@code k}: value in 1/1024 input units. */
    private static long[] source(int k, int in, int out, boolean align, boolean half) {
        long scale = (1024L * in + out / 2) / out;
        if (align && out > 1) {
            scale = (1024L * (in - 1) + (out - 1) / 2) / (out - 1);
        }
        long value = half ? k * scale + scale / 2 - 512 : k * scale;
        long lower = Math.max(value / 1024, 0);
        long upper = Math.min((value + 1023) / 1024, in - 1);
        return new long[] {lower, upper, value};
    }

    @Test
    void refusesWhatItDoesNotRun() {
        int[] in = {1, 2, 2, 1};
        assertRefused("align_corners must be false", () -> prepare(in, new int[] {3, 3}, true, true,
                new int[] {1, 3, 3, 1}));
        assertRefused("must be at least 1x1", () -> prepare(in, new int[] {0, 3}, false, false,
                new int[] {1, 0, 3, 1}));
        assertRefused("must be 1-D with 2 values", () -> prepare(in, new int[] {3}, false, false,
                new int[] {1, 3, 3, 1}));
        assertRefused("disagrees with the inferred shape", () -> prepare(in, new int[] {3, 3}, false, false,
                new int[] {1, 3, 4, 1}));
        assertRefused("must have 4 dimensions", () -> prepare(new int[] {2, 2, 1}, new int[] {3, 3}, false, false,
                new int[] {3, 3, 1}));
        TensorInfo f = new TensorInfo(0, "input", DType.FLOAT32, in, null, null);
        assertRefused("unsupported type float32", () -> new ResizeBilinearPrepare().prepare(ShapeGen.context(
                "RESIZE_BILINEAR", List.of(f, ShapeGen.int32Const(1, "size", new int[] {2}, 3, 3)),
                new TensorInfo(2, "output", DType.FLOAT32, new int[] {1, 3, 3, 1}, null, null), Map.of())));
        TensorInfo size = new TensorInfo(1, "size", DType.INT32, new int[] {2}, null, null);
        assertRefused("non-constant size", () -> new ResizeBilinearPrepare().prepare(ShapeGen.context(
                "RESIZE_BILINEAR", List.of(ShapeGen.int8(0, "input", in, 1, 0), size),
                ShapeGen.int8(2, "output", new int[] {1, 3, 3, 1}, 1, 0), Map.of())));
    }

    private static void assertRefused(String words, org.junit.jupiter.api.function.Executable prepare) {
        PrepareException e = assertThrows(PrepareException.class, prepare);
        assertTrue(e.getMessage().contains(words) && e.getMessage().contains("RESIZE_BILINEAR"), e.getMessage());
    }

    private static PreparedOp prepare(int[] in, int[] size, boolean align, boolean half, int[] out)
            throws PrepareException {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, 1),
                ShapeGen.int32Const(1, "size", new int[] {size.length}, size));
        return new ResizeBilinearPrepare().prepare(ShapeGen.context("RESIZE_BILINEAR", inputs,
                ShapeGen.int8(2, "output", out, 0.5f, 1),
                Map.of("align_corners", Boolean.toString(align), "half_pixel_centers", Boolean.toString(half))));
    }
}
