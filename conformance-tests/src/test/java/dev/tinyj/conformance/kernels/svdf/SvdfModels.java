package dev.tinyj.conformance.kernels.svdf;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Small .tflite models made of SVDF chains, for the tests that need a stateful operator in a whole
 * model: input int8[1, width] → SVDF → int8[1, units] → SVDF → ..., each SVDF with its own
 * activation state (a variable tensor, int8 with a non-zero zero point or int16) and random
 * weights from {@code seed}.
 */
public final class SvdfModels {
    private SvdfModels() {
    }

    /**
     * A chain of {@code layers} SVDFs, rank 1..2, memory 2..5; layer widths from {@code r}.
     *
     * @param wide int16 weights_time and state (else int8, state zero point 5)
     */
    public static byte[] chain(long seed, int layers, int width, boolean wide) {
        return chain(seed, layers, width, wide, true);
    }

    /** {@link #chain(long, int, int, boolean)}, the states marked is_variable only when {@code variable}. */
    public static byte[] chain(long seed, int layers, int width, boolean wide, boolean variable) {
        Random r = new Random(seed);
        List<TfliteSpec.Tensor> t = new ArrayList<>();
        List<TfliteSpec.Operator> ops = new ArrayList<>();
        Set<Integer> variables = new HashSet<>();
        DType time = wide ? DType.INT16 : DType.INT8;
        t.add(new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, width}, null, Quantization.perTensor(0.05f, -3)));
        int x = 0;
        int inSize = width;
        for (int l = 0; l < layers; l++) {
            int rank = 1 + r.nextInt(2);
            int units = 1 + r.nextInt(8);
            int filters = units * rank;
            int memory = 2 + r.nextInt(4);
            float stScale = wide ? 0.0005f : 0.1f;
            float wtScale = wide ? 0.00003f : 0.004f;
            int base = t.size();
            t.add(new TfliteSpec.Tensor("wf" + l, DType.INT8, new int[] {filters, inSize},
                    bytes(r, filters * inSize), Quantization.perTensor(0.01f, 0)));
            t.add(new TfliteSpec.Tensor("wt" + l, time, new int[] {filters, memory},
                    bytes(r, filters * memory * time.bytes()), Quantization.perTensor(wtScale, 0)));
            t.add(new TfliteSpec.Tensor("bias" + l, DType.INT32, new int[] {units}, new byte[4 * units],
                    Quantization.perTensor(stScale * wtScale, 0)));
            variables.add(t.size());
            t.add(new TfliteSpec.Tensor("state" + l, time, new int[] {1, filters * memory}, null,
                    Quantization.perTensor(stScale, wide ? 0 : 5)));
            t.add(new TfliteSpec.Tensor("out" + l, DType.INT8, new int[] {1, units}, null,
                    Quantization.perTensor(0.08f, -10)));
            ops.add(new TfliteSpec.Operator("SVDF", new int[] {x, base, base + 1, base + 2, base + 3},
                    new int[] {base + 4}, new OpOptions(Map.of("rank", Integer.toString(rank),
                            "fused_activation_function", "NONE", "asymmetric_quantize_inputs", "false"))));
            x = base + 4;
            inSize = units;
        }
        TfliteSpec spec = new TfliteSpec("svdf_chain", "main", t, ops, new int[] {0}, new int[] {x});
        return TfliteWriter.write(spec, TfliteWriter.Extras.NONE.withVariableTensors(variable ? variables : Set.of()));
    }

    private static byte[] bytes(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }
}
