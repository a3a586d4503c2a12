package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * PAD and PADV2 kernels against a coordinate reference: an output element is the input element
 * at (coordinates − before-padding) when that lies inside the input, else the pad value (PAD: the
 * output zero point; PADV2: the pad_value tensor). Ranks 1..5, paddings 0..2.
 */
class PadPropertyTest {
    @Property
    void kernelMatchesReference(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 5, 3);
        int rank = in.length;
        int[] paddings = new int[2 * rank];
        int[] out = new int[rank];
        for (int k = 0; k < rank; k++) {
            paddings[2 * k] = r.nextInt(3);
            paddings[2 * k + 1] = r.nextInt(3);
            out[k] = in[k] + paddings[2 * k] + paddings[2 * k + 1];
        }
        boolean v2 = r.nextBoolean();
        float scale = 0.05f + r.nextFloat();
        int zp = r.nextInt(256) - 128;
        byte padValue = v2 ? (byte) r.nextInt(256) : (byte) zp;
        List<TensorInfo> inputs = new ArrayList<>(List.of(ShapeGen.int8(0, "input", in, scale, zp),
                ShapeGen.int32Const(1, "paddings", new int[] {rank, 2}, paddings)));
        List<byte[]> data = new ArrayList<>();
        byte[] input = ShapeGen.randomBytes(r, ShapeGen.count(in));
        data.add(input);
        if (v2) {
            inputs.add(ShapeGen.int8(2, "pad_value", new int[] {1}, scale, zp));
            data.add(new byte[] {padValue});
        }
        String op = v2 ? "PADV2" : "PAD";
        PreparedOp prepared = new PadPrepare().prepare(ShapeGen.context(op, inputs,
                ShapeGen.int8(3, "output", out, scale, zp), Map.of()));

        byte[] expected = new byte[ShapeGen.count(out)];
        for (int f = 0; f < expected.length; f++) {
            int[] c = ShapeGen.coords(f, out);
            boolean inside = true;
            for (int k = 0; k < rank; k++) {
                c[k] -= paddings[2 * k];
                inside &= c[k] >= 0 && c[k] < in[k];
            }
            expected[f] = inside ? input[ShapeGen.flat(c, in)] : padValue;
        }
        assertArrayEquals(expected, ShapeKernels.run(op, prepared.params(), data, expected.length));
    }
}
