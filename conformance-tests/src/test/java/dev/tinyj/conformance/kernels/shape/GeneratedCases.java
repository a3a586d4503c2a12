package dev.tinyj.conformance.kernels.shape;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.ConcatenationPrepare;
import dev.tinyj.emulator.toolchain.prepare.MeanPrepare;
import dev.tinyj.emulator.toolchain.prepare.PadPrepare;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.ReshapePrepare;
import dev.tinyj.emulator.toolchain.prepare.StridedSlicePrepare;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Prepared random cases of every shape-family op, a few hundred bytes each, for the emulator test. */
final class GeneratedCases {
    /** One prepared case: op, prepared block, data operands, output size. */
    record Generated(String op, PreparedOp prepared, List<byte[]> data, int outputBytes) {
    }

    private GeneratedCases() {
    }

    static List<Generated> all(Random r) throws PrepareException {
        List<Generated> all = new ArrayList<>();
        all.add(reshape(r));
        all.add(concatenation(r, 2));
        all.add(concatenation(r, 3));
        all.add(pad(r, false));
        all.add(pad(r, true));
        all.add(mean(r));
        all.add(stridedSlice(r));
        return all;
    }

    private static Generated of(String op, PreparedOp p, List<byte[]> data) {
        return new Generated(op, p, data, ShapeGen.count(p.outputShape()));
    }

    private static Generated reshape(Random r) throws PrepareException {
        int[] in = {2 + r.nextInt(3), 8, 6};
        int[] out = {in[0] * 4, -1};
        PreparedOp p = new ReshapePrepare().prepare(ShapeGen.context("RESHAPE",
                List.of(ShapeGen.int8(0, "input", in, 1f, 0)), ShapeGen.int8(1, "output", out, 1f, 0), Map.of()));
        return of("RESHAPE", p, List.of(ShapeGen.randomBytes(r, ShapeGen.count(in))));
    }

    private static Generated concatenation(Random r, int n) throws PrepareException {
        int[] base = {1 + r.nextInt(3), 2 + r.nextInt(4), 3 + r.nextInt(4)};
        int axis = r.nextInt(3);
        List<TensorInfo> inputs = new ArrayList<>();
        List<byte[]> data = new ArrayList<>();
        int[] out = base.clone();
        out[axis] = 0;
        for (int i = 0; i < n; i++) {
            int[] s = base.clone();
            s[axis] = 1 + r.nextInt(4);
            out[axis] += s[axis];
            inputs.add(ShapeGen.int8(i, "in" + i, s, 0.25f, -7));
            data.add(ShapeGen.randomBytes(r, ShapeGen.count(s)));
        }
        PreparedOp p = new ConcatenationPrepare().prepare(ShapeGen.context("CONCATENATION", inputs,
                ShapeGen.int8(n, "output", out, 0.25f, -7), Map.of("axis", Integer.toString(axis - 3))));
        return of("CONCATENATION", p, data);
    }

    private static Generated pad(Random r, boolean v2) throws PrepareException {
        int[] in = {1 + r.nextInt(2), 2 + r.nextInt(4), 2 + r.nextInt(4), 1 + r.nextInt(4)};
        int[] paddings = new int[8];
        int[] out = new int[4];
        for (int k = 0; k < 4; k++) {
            paddings[2 * k] = r.nextInt(3);
            paddings[2 * k + 1] = r.nextInt(3);
            out[k] = in[k] + paddings[2 * k] + paddings[2 * k + 1];
        }
        int zp = r.nextInt(256) - 128;
        List<TensorInfo> inputs = new ArrayList<>(List.of(ShapeGen.int8(0, "input", in, 0.1f, zp),
                ShapeGen.int32Const(1, "paddings", new int[] {4, 2}, paddings)));
        List<byte[]> data = new ArrayList<>(List.of(ShapeGen.randomBytes(r, ShapeGen.count(in))));
        if (v2) {
            inputs.add(ShapeGen.int8(2, "pad_value", new int[] {1}, 0.1f, zp));
            data.add(ShapeGen.randomBytes(r, 1));
        }
        String op = v2 ? "PADV2" : "PAD";
        PreparedOp p = new PadPrepare().prepare(ShapeGen.context(op, inputs, ShapeGen.int8(3, "output", out, 0.1f,
                zp), Map.of()));
        return of(op, p, data);
    }

    private static Generated mean(Random r) throws PrepareException {
        int[] in = {1 + r.nextInt(2), 2 + r.nextInt(5), 2 + r.nextInt(5), 2 + r.nextInt(7)};
        int a = r.nextInt(4);
        int b = r.nextInt(4);
        int[] out = in.clone();
        out[a] = 1;
        out[b] = 1;
        PreparedOp p = new MeanPrepare().prepare(ShapeGen.context("MEAN",
                List.of(ShapeGen.int8(0, "input", in, 0.02f + r.nextFloat(), r.nextInt(256) - 128),
                        ShapeGen.int32Const(1, "axis", new int[] {2}, a, b - 4)),
                ShapeGen.int8(2, "output", out, 0.02f + r.nextFloat(), r.nextInt(256) - 128),
                Map.of("keep_dims", "1")));
        return of("MEAN", p, List.of(ShapeGen.randomBytes(r, ShapeGen.count(in))));
    }

    private static Generated stridedSlice(Random r) throws PrepareException {
        int[] in = {2 + r.nextInt(2), 3 + r.nextInt(4), 3 + r.nextInt(5), 2 + r.nextInt(5)};
        int[] begin = new int[4];
        int[] end = new int[4];
        int[] strides = new int[4];
        int[] out = new int[4];
        for (int k = 0; k < 4; k++) {
            int lo = r.nextInt(in[k]);
            int hi = lo + 1 + r.nextInt(in[k] - lo);
            int step = 1 + r.nextInt(2);
            if (r.nextBoolean()) {
                begin[k] = lo;
                end[k] = hi;
                strides[k] = step;
            } else {
                begin[k] = hi - 1;
                end[k] = lo - 1 - in[k]; // lo - 1 counted from the end; for lo = 0 it clamps to -1
                strides[k] = -step;
            }
            out[k] = (hi - lo + step - 1) / step;
        }
        PreparedOp p = new StridedSlicePrepare().prepare(ShapeGen.context("STRIDED_SLICE",
                List.of(ShapeGen.int8(0, "input", in, 1f, 0), ShapeGen.int32Const(1, "begin", new int[] {4}, begin),
                        ShapeGen.int32Const(2, "end", new int[] {4}, end),
                        ShapeGen.int32Const(3, "strides", new int[] {4}, strides)),
                ShapeGen.int8(4, "output", out, 1f, 0), Map.of()));
        return of("STRIDED_SLICE", p, List.of(ShapeGen.randomBytes(r, ShapeGen.count(in))));
    }
}
