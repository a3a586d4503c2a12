package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * CONCATENATION kernel against a coordinate-by-coordinate reference: output element at
 * coordinates c comes from the input whose axis range holds c[axis], at c with the axis
 * coordinate shifted. Generated ranks 1..4, 1..4 inputs, negative axes, operands at offsets.
 */
class ConcatenationPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] base = ShapeGen.randomShape(r, 1, 4, 3);
        int rank = base.length;
        int axis = r.nextInt(rank);
        int n = 1 + r.nextInt(4);
        float scale = 0.01f + r.nextFloat();
        int zp = r.nextInt(256) - 128;
        List<TensorInfo> inputs = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        int[] outShape = base.clone();
        outShape[axis] = 0;
        for (int i = 0; i < n; i++) {
            int[] s = base.clone();
            s[axis] = 1 + r.nextInt(3);
            outShape[axis] += s[axis];
            inputs.add(ShapeGen.int8(i, "in" + i, s, scale, zp));
            data.add(ShapeGen.randomBytes(r, ShapeGen.count(s)));
        }
        TensorInfo out = ShapeGen.int8(n, "out", outShape, scale, zp);
        int axisOption = r.nextBoolean() ? axis : axis - rank;
        PreparedOp prepared = new ConcatenationPrepare().prepare(ShapeGen.context("CONCATENATION", inputs, out,
                Map.of("axis", Integer.toString(axisOption))));
        assertArrayEquals(outShape, prepared.outputShape());

        byte[] expected = new byte[ShapeGen.count(outShape)];
        for (int f = 0; f < expected.length; f++) {
            int[] c = ShapeGen.coords(f, outShape);
            int i = 0;
            while (c[axis] >= inputs.get(i).shape()[axis]) {
                c[axis] -= inputs.get(i).shape()[axis];
                i++;
            }
            expected[f] = data.get(i)[ShapeGen.flat(c, inputs.get(i).shape())];
        }
        assertArrayEquals(expected, ShapeKernels.run("CONCATENATION", prepared.params(), data, expected.length));
    }

    @Property
    void differentQuantizationIsRefused(@ForAll Random r) {
        int[] s = ShapeGen.randomShape(r, 1, 3, 3);
        boolean scaleDiffers = r.nextBoolean();
        TensorInfo a = ShapeGen.int8(0, "a", s, 0.5f, 3);
        TensorInfo b = ShapeGen.int8(1, "b", s, scaleDiffers ? 0.25f : 0.5f, scaleDiffers ? 3 : 4);
        int[] o = s.clone();
        o[0] *= 2;
        TensorInfo out = ShapeGen.int8(2, "out", o, 0.5f, 3);
        assertThrows(PrepareException.class, () -> new ConcatenationPrepare().prepare(
                ShapeGen.context("CONCATENATION", List.of(a, b), out, Map.of("axis", "0"))));
    }
}
