package dev.tinyj.conformance.kernels.lstm;

import dev.tinyj.conformance.kernels.math.ReferenceArithmetic;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.QuantizedMultiplier;
import dev.tinyj.runtime.math.Int16Sigmoid;
import java.lang.reflect.Field;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * An independent host restatement of TFLM's integer LSTM ({@code EvalLstm<int8_t, int8_t,
 * int16_t, int32_t>}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424
 * {@code micro/kernels/lstm_eval.h}), structured as TFLM is and not as the kernel: per step, each
 * gate over the whole step's rows into its own int16 buffer (input FC with bias, recurrent FC, a
 * saturating add, then the activation), the cell update as three whole-buffer passes (forget ×
 * cell into the cell, input × cell gate into a buffer, the saturating sum, the clip), the hidden
 * update, then the hidden state copied to the output. Multipliers come from the scales with
 * {@link ReferenceArithmetic} (BigDecimal {@code QuantizeMultiplier}, BigInteger
 * {@code MultiplyByQuantizedMultiplier}); the cell state's power of two is its float exponent
 * (the generated scales are powers of two). The int16 logistic and tanh are written from the
 * reference headers with 64-bit arithmetic over the runtime's own table (TFLite's
 * {@code sigmoid_table_uint16}, data not logic, read reflectively).
 */
final class LstmReference {
    private static final char[] TABLE = table();


    private LstmReference() {
    }

    /**
     * The states and output after one run.
     *
     * @param output int8 output [dim0, dim1, S]
     * @param hidden int8 hidden state [B, S]
     * @param cell int16 cell state [B, S]
     */
    record Result(byte[] output, byte[] hidden, short[] cell) {
    }

    /**
     * Runs the operator of {@code ctx} (24 TFLite inputs, options {@code time_major},
     * {@code cell_clip}) on {@code input} from states {@code hidden0}, {@code cell0}.
     */
    static Result run(OpContext ctx, byte[] input, byte[] hidden0, short[] cell0) throws PrepareException {
        boolean timeMajor = ctx.options().bool("time_major", false);
        float cellClip = ctx.options().real("cell_clip", 0f);
        TensorInfo in = ctx.input(0);
        TensorInfo hiddenT = ctx.input(18);
        TensorInfo cellT = ctx.input(19);
        int batches = in.dim(timeMajor ? 1 : 0);
        int steps = in.dim(timeMajor ? 0 : 1);
        int inputDim = in.dim(2);
        int stateDim = hiddenT.dim(1);
        byte[] hidden = hidden0.clone();
        short[] cell = cell0.clone();
        byte[] output = new byte[batches * steps * stateDim];
        int rowsPerStep = timeMajor ? batches : 1;
        int outerLoops = timeMajor ? 1 : batches;
        for (int b = 0; b < outerLoops; b++) {
            for (int t = 0; t < steps; t++) {
                int row0 = timeMajor ? t * batches : b * steps + t;
                int stateRow0 = timeMajor ? 0 : b;
                step(ctx, rowsPerStep, inputDim, stateDim, input, row0 * inputDim, hidden, cell, stateRow0 * stateDim,
                        output, row0 * stateDim, cellClip);
            }
        }
        return new Result(output, hidden, cell);
    }

    /** {@code LstmStep} over {@code rows} rows. */
    private static void step(OpContext ctx, int rows, int inputDim, int stateDim, byte[] input, int inputAt,
            byte[] hidden, short[] cell, int stateAt, byte[] output, int outputAt, float cellClip)
            throws PrepareException {
        int[] forget = gate(ctx, 2, rows, inputDim, stateDim, input, inputAt, hidden, stateAt);
        sigmoid(forget);
        int[] inGate = gate(ctx, 1, rows, inputDim, stateDim, input, inputAt, hidden, stateAt);
        sigmoid(inGate);
        int[] cellGate = gate(ctx, 3, rows, inputDim, stateDim, input, inputAt, hidden, stateAt);
        for (int k = 0; k < cellGate.length; k++) {
            cellGate[k] = tanh(cellGate[k], 0);
        }
        float cellScale = ctx.input(19).quantization().scale0();
        float hiddenScale = ctx.input(18).quantization().scale0();
        int hiddenZp = ctx.input(18).quantization().zeroPoint0();
        double gateOut = 0x1p-15;
        QuantizedMultiplier fc = ReferenceArithmetic.quantizeMultiplier(gateOut * cellScale / cellScale);
        QuantizedMultiplier ic = ReferenceArithmetic.quantizeMultiplier(gateOut * gateOut / cellScale);
        QuantizedMultiplier oh = ReferenceArithmetic.quantizeMultiplier(gateOut * gateOut / hiddenScale);
        int n = rows * stateDim;
        for (int k = 0; k < n; k++) {
            cell[stateAt + k] = (short) mul(forget[k], cell[stateAt + k], fc, 0, -32768, 32767);
        }
        int[] buffer = new int[n];
        for (int k = 0; k < n; k++) {
            buffer[k] = mul(inGate[k], cellGate[k], ic, 0, -32768, 32767);
        }
        for (int k = 0; k < n; k++) {
            cell[stateAt + k] = (short) sat16(cell[stateAt + k] + buffer[k]);
        }
        if (cellClip > 0) {
            int clip = (int) Math.min(Math.max((double) cellClip / cellScale, -32768.0), 32767.0);
            for (int k = 0; k < n; k++) {
                cell[stateAt + k] = (short) Math.max(Math.min(clip, cell[stateAt + k]), -clip);
            }
        }
        int[] outGate = gate(ctx, 4, rows, inputDim, stateDim, input, inputAt, hidden, stateAt);
        sigmoid(outGate);
        int tanhShift = 15 + Math.getExponent(cellScale) - 3;
        for (int k = 0; k < n; k++) {
            int th = tanh(cell[stateAt + k], tanhShift);
            hidden[stateAt + k] = (byte) mul(th, outGate[k], oh, hiddenZp, -128, 127);
        }
        System.arraycopy(hidden, stateAt, output, outputAt, n);
    }

    /**
     * Gate {@code g} (1 input, 2 forget, 3 cell, 4 output: its input-to-gate filter's operand)
     * before its activation: FC(input) with bias, FC(hidden), their saturated sum.
     */
    private static int[] gate(OpContext ctx, int g, int rows, int inputDim, int stateDim, byte[] input, int inputAt,
            byte[] hidden, int stateAt) {
        int[] a = fullyConnected(ctx.input(0), ctx.input(g), ctx.input(11 + g), rows, inputDim, stateDim, input,
                inputAt);
        int[] b = fullyConnected(ctx.input(18), ctx.input(4 + g), null, rows, stateDim, stateDim, hidden, stateAt);
        for (int k = 0; k < a.length; k++) {
            a[k] = sat16(a[k] + b[k]);
        }
        return a;
    }

    /** {@code reference_integer_ops::FullyConnected} int8 × int8 → int16 at scale 2^−12. */
    private static int[] fullyConnected(TensorInfo activation, TensorInfo filter, TensorInfo bias, int rows,
            int depth, int units, byte[] data, int at) {
        float product = activation.quantization().scale0() * filter.quantization().scale0();
        QuantizedMultiplier m = ReferenceArithmetic.quantizeMultiplier((double) product / 0x1p-12);
        int zpIn = activation.quantization().zeroPoint0();
        int zpFilter = filter.quantization().zeroPoint0();
        int[] biases = bias == null ? null : ints(bias.data());
        int[] out = new int[rows * units];
        for (int r = 0; r < rows; r++) {
            for (int u = 0; u < units; u++) {
                int acc = 0;
                for (int d = 0; d < depth; d++) {
                    acc += (filter.data()[u * depth + d] - zpFilter) * (data[at + r * depth + d] - zpIn);
                }
                if (biases != null) {
                    acc += biases[u];
                }
                out[r * units + u] = sat16(ReferenceArithmetic.multiplyByQuantizedMultiplier(acc, m.multiplier(),
                        m.shift()));
            }
        }
        return out;
    }

    /** {@code MulElementwise}: {@code clamp(zp + MBQM(a · b), min, max)}. */
    private static int mul(int a, int b, QuantizedMultiplier m, int zp, int min, int max) {
        int v = zp + ReferenceArithmetic.multiplyByQuantizedMultiplier(a * b, m.multiplier(), m.shift());
        return Math.min(max, Math.max(min, v));
    }

    /** {@link #sigmoid(int)} in place. */
    private static void sigmoid(int[] v) {
        for (int k = 0; k < v.length; k++) {
            v[k] = sigmoid(v[k]);
        }
    }

    /** The int16 {@code Logistic} of {@code v} with input multiplier 0 and shift 0 (so ×3). */
    static int sigmoid(int v) {
        long x = 3L * v;
        long abs = Math.abs(x);
        long uh = abs >> 9;
        long result;
        if (uh >= 255) {
            result = 0x7FFFL << 10;
        } else {
            long ua = TABLE[(int) uh];
            long ub = TABLE[(int) uh + 1];
            result = (ua << 9) + (abs & 0x1FF) * (ub - ua);
        }
        result = x >= 0 ? result + (1 << 9) : (1L << 25) - result + (1 << 9) - 1;
        return (int) (result >> 10);
    }

    /**
     * The int16 {@code Tanh} of {@code x} as {@code lstm_internal::Tanh} calls it with
     * {@code tanh_input_left_shift} = {@code leftShift}: a negative shift is multiplier 3 with a
     * rounding right shift, a non-negative one the power-of-two case {@code 3 << leftShift}.
     */
    static int tanh(int x, int leftShift) {
        long scaled;
        if (leftShift < 0) {
            int s = -leftShift;
            scaled = (3L * x + (1L << (s - 1))) >> s;
        } else {
            scaled = (long) x * (3L << leftShift);
        }
        long abs = Math.abs(scaled);
        long uh = abs >> 8;
        long result;
        if (uh >= 255) {
            result = 0xFFFFL << 8;
        } else {
            long ua = TABLE[(int) uh];
            long ub = TABLE[(int) uh + 1];
            result = (ua << 8) + (abs & 0xFF) * (ub - ua);
        }
        result = scaled >= 0 ? result - (1 << 23) + (1 << 7) : -result + (1 << 23) + (1 << 7) - 1;
        return (int) (result >> 8);
    }

    private static int sat16(int v) {
        return Math.min(32767, Math.max(-32768, v));
    }

    private static int[] ints(byte[] le) {
        int[] v = new int[le.length / 4];
        ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    /** TFLite's {@code sigmoid_table_uint16} as the runtime holds it. */
    static char[] table() {
        try {
            Field f = Int16Sigmoid.class.getDeclaredField("SIGMOID_TABLE");
            f.setAccessible(true);
            return ((char[]) f.get(null)).clone();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
