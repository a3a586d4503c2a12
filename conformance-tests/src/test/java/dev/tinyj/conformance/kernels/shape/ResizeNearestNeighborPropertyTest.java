package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ResizeNearestNeighborPrepare;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * RESIZE_NEAREST_NEIGHBOR prepare and kernel against a per-element reference: output element
 * {@code (b, y, x, c)} is input element {@code (b, src(y), src(x), c)}, flat indices by row-major
 * coordinates, where {@code src} is the definition of TFLM's {@code GetNearestNeighbor} evaluated
 * per pixel in float (not the prepared tables). Random NHWC shapes up to 6 per axis, sizes 1..13
 * (up- and down-sampling), every combination of align_corners and half_pixel_centers, operands at
 * non-zero offsets. For integer upsampling without either option, the source index is also
 * checked against the exact {@code y / k}. A wrong declared output shape, a size below 1 and a
 * non-4-D input are refused.
 */
class ResizeNearestNeighborPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = {1 + r.nextInt(2), 1 + r.nextInt(6), 1 + r.nextInt(6), 1 + r.nextInt(4)};
        int[] size = {1 + r.nextInt(13), 1 + r.nextInt(13)};
        boolean align = r.nextBoolean();
        boolean half = r.nextBoolean();
        int[] out = {in[0], size[0], size[1], in[3]};
        PreparedOp prepared = new ResizeNearestNeighborPrepare().prepare(context(in, size, out, align, half));
        assertArrayEquals(out, prepared.outputShape());

        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        byte[] want = new byte[ShapeGen.count(out)];
        for (int f = 0; f < want.length; f++) {
            int[] o = ShapeGen.coords(f, out);
            int[] c = {o[0], source(o[1], in[1], size[0], align, half), source(o[2], in[2], size[1], align, half), o[3]};
            want[f] = input[ShapeGen.flat(c, in)];
        }
        assertArrayEquals(want, ShapeKernels.run("RESIZE_NEAREST_NEIGHBOR", prepared.params(), List.of(input),
                want.length));
    }

    @Property
    void integerUpsamplingRepeatsEachPixel(@ForAll Random r) {
        int n = 1 + r.nextInt(9);
        int k = 1 + r.nextInt(5);
        for (int y = 0; y < n * k; y++) {
            int want = y / k;
            int got = source(y, n, n * k, false, false);
            assertTrue(got == want, "in " + n + " x" + k + " at " + y + ": " + got + " != " + want);
        }
    }

    @Property
    void refusesBadShapes(@ForAll Random r) {
        int[] in = {1, 1 + r.nextInt(5), 1 + r.nextInt(5), 1 + r.nextInt(3)};
        int[] size = {1 + r.nextInt(8), 1 + r.nextInt(8)};
        int[] out = {in[0], size[0], size[1], in[3]};
        int[] badIn = in;
        int[] badSize = size;
        int[] badOut = out;
        String why;
        switch (r.nextInt(3)) {
            case 0 -> {
                badOut = out.clone();
                badOut[r.nextInt(4)]++;
                why = "disagrees with the inferred shape";
            }
            case 1 -> {
                badSize = size.clone();
                badSize[r.nextInt(2)] = -r.nextInt(3);
                why = "must be at least 1x1";
            }
            default -> {
                badIn = new int[] {in[1], in[2], in[3]};
                why = "must have 4 dimensions";
            }
        }
        OpContext ctx = context(badIn, badSize, badOut, r.nextBoolean(), r.nextBoolean());
        PrepareException e = assertThrows(PrepareException.class, () -> new ResizeNearestNeighborPrepare().prepare(ctx));
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** TFLM's GetNearestNeighbor, written out from its definition, per pixel, in float. */
    private static int source(int i, int inSize, int outSize, boolean align, boolean half) {
        float scale;
        if (align && outSize > 1) {
            scale = (float) (inSize - 1) / (float) (outSize - 1);
        } else {
            scale = (float) inSize / (float) outSize;
        }
        float pos = ((float) i + (half ? 0.5f : 0f)) * scale;
        int s = align ? Math.round(pos) : (int) Math.floor(pos);
        s = Math.min(s, inSize - 1);
        return half ? Math.max(s, 0) : s;
    }

    private static OpContext context(int[] in, int[] size, int[] out, boolean align, boolean half) {
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 0.5f, -3),
                ShapeGen.int32Const(1, "size", new int[] {2}, size));
        return ShapeGen.context("RESIZE_NEAREST_NEIGHBOR", inputs, ShapeGen.int8(2, "output", out, 0.5f, -3),
                Map.of("align_corners", Boolean.toString(align), "half_pixel_centers", Boolean.toString(half)));
    }
}
