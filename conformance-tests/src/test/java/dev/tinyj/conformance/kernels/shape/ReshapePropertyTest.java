package dev.tinyj.conformance.kernels.shape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.runtime.kernels.Reshape;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * RESHAPE prepare (stretch dim, shape operand cross-check) and kernel (a byte copy, nothing when
 * the output aliases the input) on generated shapes.
 */
class ReshapePropertyTest {
    @Property
    void stretchAndCopy(@ForAll Random r) throws PrepareException {
        int[] in = ShapeGen.randomShape(r, 1, 4, 4);
        int total = ShapeGen.count(in);
        // a target shape: split the element count into factors, one maybe written as -1
        int[] target = ShapeGen.randomShape(r, 1, 4, 4);
        target[target.length - 1] = 1;
        int rest = total;
        for (int k = 0; k < target.length - 1; k++) {
            target[k] = rest % target[k] == 0 ? target[k] : 1;
            rest /= target[k];
        }
        target[target.length - 1] = rest;
        int[] declared = target.clone();
        if (r.nextBoolean()) {
            declared[r.nextInt(declared.length)] = -1;
        }
        List<TensorInfo> inputs = List.of(ShapeGen.int8(0, "input", in, 1f, 0),
                ShapeGen.int32Const(1, "shape", new int[] {declared.length}, declared));
        PreparedOp prepared = new ReshapePrepare().prepare(ShapeGen.context("RESHAPE", inputs,
                ShapeGen.int8(2, "output", declared, 1f, 0), Map.of()));
        assertArrayEquals(target, prepared.outputShape());

        byte[] data = ShapeGen.randomBytes(r, total);
        assertArrayEquals(data, ShapeKernels.run("RESHAPE", prepared.params(), List.of(data), total));
        byte[] aliased = ShapeKernels.at(data, 3);
        byte[] before = aliased.clone();
        Reshape.eval(ShapeKernels.at(prepared.params(), 1), 1, aliased, 3, aliased, 3);
        assertArrayEquals(before, aliased);
    }

    @Property
    void wrongElementCountIsRefused(@ForAll Random r) {
        int[] in = ShapeGen.randomShape(r, 1, 3, 4);
        int[] out = {ShapeGen.count(in) + 1 + r.nextInt(3)};
        assertThrows(PrepareException.class, () -> new ReshapePrepare().prepare(ShapeGen.context("RESHAPE",
                List.of(ShapeGen.int8(0, "input", in, 1f, 0)), ShapeGen.int8(1, "output", out, 1f, 0), Map.of())));
    }
}
