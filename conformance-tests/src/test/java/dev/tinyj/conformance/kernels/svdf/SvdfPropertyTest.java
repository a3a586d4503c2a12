package dev.tinyj.conformance.kernels.svdf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.kernels.elementwise.RefInt8;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SvdfPrepare;
import dev.tinyj.runtime.kernels.Svdf;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * SVDF (integer path, int16 and int8 state) against an independent host reference over several
 * inference steps, the state carried from one step to the next: the reference keeps the state as
 * an {@code int[]} of elements, shifts it with an index loop, keeps TFLM's two scratch arrays
 * (per-filter sums, then bias plus the rank sums per unit) and rescales with {@link RefInt8#scale}
 * and {@link RefInt8#multiplier} (not the runtime's fixed-point code). Shapes, zero points, scales
 * and inputs are random; operands sit at odd offsets; the kernel's outputs and its state bytes
 * after every step must equal the reference's.
 */
class SvdfPropertyTest {
    private static final int OFF = 3;

    @Property
    void stepsMatchTheReference(@ForAll long seed) throws PrepareException {
        Random r = new Random(seed);
        boolean wide = r.nextBoolean();
        int tBytes = wide ? 2 : 1;
        int tMax = wide ? 32767 : 127;
        int batch = 1 + r.nextInt(3);
        int inputSize = 1 + r.nextInt(12);
        int rank = 1 + r.nextInt(3);
        int units = 1 + r.nextInt(6);
        int filters = units * rank;
        int memory = 1 + r.nextInt(9);
        int steps = 1 + r.nextInt(4);
        int inZp = r.nextInt(256) - 128;
        int outZp = r.nextInt(256) - 128;
        int stZp = wide ? 0 : r.nextInt(41) - 20;
        float inScale = RefInt8.scale(r, -8, 0);
        float wfScale = RefInt8.scale(r, -9, -4);
        float wtScale = RefInt8.scale(r, wide ? -16 : -9, wide ? -10 : -4);
        float stScale = RefInt8.scale(r, wide ? -14 : -6, wide ? -8 : 0);
        float outScale = RefInt8.scale(r, -8, 0);
        float biasScale = stScale * wtScale;

        int[] wf = new int[filters * inputSize];
        for (int i = 0; i < wf.length; i++) {
            wf[i] = r.nextInt(256) - 128;
        }
        int[] wt = new int[filters * memory];
        for (int i = 0; i < wt.length; i++) {
            wt[i] = r.nextInt(2 * tMax + 2) - tMax - 1;
        }
        int[] bias = new int[units];
        for (int i = 0; i < units; i++) {
            bias[i] = r.nextInt(1 << 16) - (1 << 15);
        }
        DType t = wide ? DType.INT16 : DType.INT8;
        TensorInfo in = new TensorInfo(0, "input", DType.INT8, new int[] {batch, inputSize},
                Quantization.perTensor(inScale, inZp), null);
        TensorInfo wfT = new TensorInfo(1, "weights_feature", DType.INT8, new int[] {filters, inputSize},
                Quantization.perTensor(wfScale, 0), pack(wf, 1));
        TensorInfo wtT = new TensorInfo(2, "weights_time", t, new int[] {filters, memory},
                Quantization.perTensor(wtScale, 0), pack(wt, tBytes));
        TensorInfo biasT = new TensorInfo(3, "bias", DType.INT32, new int[] {units},
                Quantization.perTensor(biasScale, 0), pack(bias, 4));
        TensorInfo stT = new TensorInfo(4, "state", t, new int[] {batch, memory * filters},
                Quantization.perTensor(stScale, stZp), null);
        TensorInfo outT = new TensorInfo(5, "output", DType.INT8, new int[] {batch, units},
                Quantization.perTensor(outScale, outZp), null);
        OpContext ctx = new OpContext("SVDF", 0, List.of(in, wfT, wtT, biasT, stT), outT,
                new OpOptions(Map.of("rank", Integer.toString(rank))));
        PreparedOp p = new SvdfPrepare().prepare(ctx);
        assertArrayEquals(new int[] {batch, units}, p.outputShape());
        byte[] params = RefInt8.at(p.params(), OFF);

        int n = batch * filters * memory;
        int[] state = new int[n];
        java.util.Arrays.fill(state, stZp); // TFLM's reset: the zero point (0 for int16)
        byte[] stateBytes = RefInt8.at(pack(state, tBytes), OFF);
        int[] m1 = RefInt8.multiplier((double) (inScale * wfScale / stScale));
        int[] m2 = RefInt8.multiplier((double) (stScale * wtScale / outScale));
        for (int s = 0; s < steps; s++) {
            byte[] input = RefInt8.int8s(r, batch * inputSize);
            byte[] want = reference(input, wf, wt, bias, state, batch, inputSize, filters, rank, memory, tMax, inZp,
                    stZp, outZp, m1, m2);
            byte[] out = new byte[batch * units + 2 * OFF];
            Svdf.eval(params, OFF, RefInt8.at(input, OFF), OFF, RefInt8.at(wfT.data(), OFF), OFF,
                    RefInt8.at(wtT.data(), OFF), OFF, RefInt8.at(biasT.data(), OFF), OFF, stateBytes, OFF, out, OFF);
            assertArrayEquals(want, java.util.Arrays.copyOfRange(out, OFF, OFF + batch * units),
                    "seed " + seed + " step " + s);
            assertArrayEquals(pack(state, tBytes),
                    java.util.Arrays.copyOfRange(stateBytes, OFF, OFF + n * tBytes), "state, seed " + seed);
            assertEquals(0, stateBytes[OFF - 1], "nothing written before the state");
        }
    }

    /** One step of EvalIntegerSvdfReference written plainly; updates {@code state} (elements of T). */
    private static byte[] reference(byte[] input, int[] wf, int[] wt, int[] bias, int[] state, int batch,
            int inputSize, int filters, int rank, int memory, int tMax, int inZp, int stZp, int outZp, int[] m1,
            int[] m2) {
        for (int i = 0; i + 1 < state.length; i++) {
            state[i] = state[i + 1];
        }
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                int dot = 0;
                for (int c = 0; c < inputSize; c++) {
                    dot += wf[f * inputSize + c] * (input[b * inputSize + c] - inZp);
                }
                int v = Math.max(-tMax - 1, Math.min(tMax, RefInt8.scale(dot, m1[0], m1[1])));
                int stored = stZp + v;
                state[(b * filters + f) * memory + memory - 1] = tMax == 127 ? (byte) stored : (short) stored;
            }
        }
        int units = filters / rank;
        int[] scratch = new int[batch * filters];
        for (int b = 0; b < batch; b++) {
            for (int f = 0; f < filters; f++) {
                for (int m = 0; m < memory; m++) {
                    scratch[b * filters + f] += wt[f * memory + m] * (state[(b * filters + f) * memory + m] - stZp);
                }
            }
        }
        byte[] out = new byte[batch * units];
        for (int b = 0; b < batch; b++) {
            for (int u = 0; u < units; u++) {
                int acc = bias[u];
                for (int j = 0; j < rank; j++) {
                    acc += scratch[b * filters + u * rank + j];
                }
                out[b * units + u] = (byte) Math.max(-128, Math.min(127, RefInt8.scale(acc, m2[0], m2[1]) + outZp));
            }
        }
        return out;
    }

    /** {@code v} as little-endian elements of {@code bytes} bytes. */
    private static byte[] pack(int[] v, int bytes) {
        ByteBuffer b = ByteBuffer.allocate(v.length * bytes).order(ByteOrder.LITTLE_ENDIAN);
        for (int x : v) {
            switch (bytes) {
                case 1 -> b.put((byte) x);
                case 2 -> b.putShort((short) x);
                default -> b.putInt(x);
            }
        }
        return b.array();
    }
}
