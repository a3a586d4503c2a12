package dev.tinyj.conformance.kernels.lstm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.UnidirectionalSequenceLstmPrepare;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM prepare and kernel against {@link LstmReference} on generated
 * models: batch 1..3, 1..4 steps, input size 1..6, state size 1..5, time or batch major; input,
 * hidden state and weight scales and zero points (weights symmetric, as TFLite writes them, and
 * sometimes not), cell state scales 2^−15..2^−8, with and without a cell clip, biases, inputs and
 * initial states (not at rest: as an earlier inference leaves them) at random; the operands at
 * non-zero offsets. Output, final hidden state and final cell state must match.
 */
class LstmPropertyTest {
    @Property
    void kernelMatchesTheReference(@ForAll Random r) throws PrepareException {
        LstmCase c = random(r);
        PreparedOp prepared = new UnidirectionalSequenceLstmPrepare().prepare(c.context());
        LstmReference.Result want = LstmReference.run(c.context(), c.input(), c.hidden(), c.cell());
        LstmReference.Result got = LstmRun.run(c, prepared.params(), 1 + r.nextInt(7));
        assertArrayEquals(want.output(), got.output(), "output");
        assertArrayEquals(want.hidden(), got.hidden(), "hidden state");
        assertArrayEquals(want.cell(), got.cell(), "cell state");
    }

    /** A random model and run. */
    static LstmCase random(Random r) {
        int batches = 1 + r.nextInt(3);
        int steps = 1 + r.nextInt(4);
        int inputDim = 1 + r.nextInt(6);
        int stateDim = 1 + r.nextInt(5);
        boolean timeMajor = r.nextBoolean();
        int[] inShape = timeMajor ? new int[] {steps, batches, inputDim} : new int[] {batches, steps, inputDim};
        float inScale = scale(r, 0.002f, 0.1f);
        int inZp = r.nextInt(256) - 128;
        float hiddenScale = scale(r, 0.002f, 0.02f);
        int hiddenZp = r.nextInt(41) - 20;
        float cellScale = (float) Math.scalb(1.0, -8 - r.nextInt(8));
        List<TensorInfo> in = new ArrayList<>(java.util.Collections.nCopies(24, (TensorInfo) null));
        in.set(0, new TensorInfo(0, "input", DType.INT8, inShape, Quantization.perTensor(inScale, inZp), null));
        for (int k = 1; k <= 8; k++) {
            int cols = k <= 4 ? inputDim : stateDim;
            byte[] w = new byte[stateDim * cols];
            for (int i = 0; i < w.length; i++) {
                w[i] = (byte) (r.nextInt(255) - 127);
            }
            int zp = r.nextInt(8) == 0 ? r.nextInt(11) - 5 : 0;
            in.set(k, new TensorInfo(k, "weights", DType.INT8, new int[] {stateDim, cols},
                    Quantization.perTensor(scale(r, 0.001f, 0.05f), zp), w));
        }
        for (int k = 12; k <= 15; k++) {
            byte[] b = new byte[4 * stateDim];
            for (int i = 0; i < stateDim; i++) {
                int v = r.nextInt(10001) - 5000;
                b[4 * i] = (byte) v;
                b[4 * i + 1] = (byte) (v >> 8);
                b[4 * i + 2] = (byte) (v >> 16);
                b[4 * i + 3] = (byte) (v >> 24);
            }
            in.set(k, new TensorInfo(k, "bias", DType.INT32, new int[] {stateDim}, Quantization.perTensor(1e-5f, 0), b));
        }
        in.set(18, new TensorInfo(18, "hidden", DType.INT8, new int[] {batches, stateDim},
                Quantization.perTensor(hiddenScale, hiddenZp), null));
        in.set(19, new TensorInfo(19, "cell", DType.INT16, new int[] {batches, stateDim},
                Quantization.perTensor(cellScale, 0), null));
        TensorInfo out = new TensorInfo(24, "output", DType.INT8, new int[] {inShape[0], inShape[1], stateDim},
                Quantization.perTensor(hiddenScale, hiddenZp), null);
        float clip = r.nextInt(3) == 0 ? 0f : scale(r, 0.05f, 8f);
        OpOptions options = new OpOptions(Map.of("fused_activation_function", "TANH", "cell_clip", Float.toString(clip),
                "time_major", Boolean.toString(timeMajor)));
        OpContext ctx = new OpContext("UNIDIRECTIONAL_SEQUENCE_LSTM", 0, in, out, options);
        byte[] input = new byte[batches * steps * inputDim];
        r.nextBytes(input);
        byte[] hidden = new byte[batches * stateDim];
        r.nextBytes(hidden);
        short[] cell = new short[batches * stateDim];
        int cellRange = r.nextBoolean() ? 32768 : 4096;
        for (int i = 0; i < cell.length; i++) {
            cell[i] = (short) (r.nextInt(2 * cellRange) - cellRange);
        }
        return new LstmCase(ctx, input, hidden, cell);
    }

    private static float scale(Random r, float lo, float hi) {
        return lo + (hi - lo) * r.nextFloat();
    }

    /**
     * One run: the operator, its input and initial states.
     *
     * @param context the 24 inputs (constants with their data), the output and the options
     * @param input int8 input
     * @param hidden int8 initial hidden state
     * @param cell int16 initial cell state
     */
    record LstmCase(OpContext context, byte[] input, byte[] hidden, short[] cell) {
        @Override
        public String toString() {
            return context.input(0).describe() + " state " + context.input(18).describe() + " "
                    + context.options() + " input " + Arrays.toString(input);
        }
    }
}
