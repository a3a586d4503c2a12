package dev.tinyj.runtime.kernels;

import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.math.FixedPoint;
import dev.tinyj.runtime.math.Int16Sigmoid;

/**
 * UNIDIRECTIONAL_SEQUENCE_LSTM, int8 activations and weights, int16 cell state, int32 bias (TFLM's
 * "8x8→16" path): {@code EvalLstm<int8_t, int8_t, int16_t, int32_t>} with {@code LstmStep},
 * {@code CalculateLstmGate}, {@code UpdateLstmCell} and {@code UpdateLstmHidden}
 * ({@code tensorflow/lite/micro/kernels/lstm_eval.h}, {@code lstm_eval.cc},
 * {@code unidirectional_sequence_lstm.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424).
 * The standard LSTM only (no peephole, projection, layer norm or CIFG, as TFLM).
 *
 * <p>Per time step and row: forget, input and cell gates ({@link LstmGate}: FC of the input row
 * plus FC of the hidden row, Q3.12), activated with the int16 logistic, logistic and tanh
 * ({@link Int16Sigmoid}, Q0.15); the cell state becomes {@code sat16(f·c + i·g)} (two
 * {@code MulElementwise} to int16, {@code AddElementWise}), clipped to ±{@code P_CELL_CLIP} when
 * the model sets a cell clip; the output gate (logistic, from the old hidden row); the new hidden
 * value is {@code MulElementwise(tanh(c), o)} to int8 with the hidden state's zero point, written
 * to the output at this step, and the row's hidden state becomes that output row.
 *
 * <p>TFLM computes each stage for a whole row into four int16 scratch buffers. Every stage is
 * element-wise once the row's gate inputs (the input row and the old hidden row) are fixed, so
 * this kernel runs the stages unit by unit with the same arithmetic and no scratch buffer: the
 * new hidden values go to the output first and are copied into the hidden state after the row
 * (TFLM updates the hidden state, then copies it to the output: the same bytes in both places).
 *
 * <p>Shapes: time major input [T, B, I] and output [T, B, S], rows of a step are its B batches;
 * batch major input [B, T, I] and output [B, T, S], batch by batch, each through its T steps (as
 * {@code EvalLstm} and {@code LstmStepManager}). Input-to-gate filters int8 [S, I], recurrent
 * filters int8 [S, S], biases int32 [S], hidden state int8 [B, S], cell state int16 [B, S]
 * little-endian; the states are read and written in place (variable tensors).
 *
 * <table>
 * <caption>params (int32 at byte offsets)</caption>
 * <tr><td>{@link #P_BATCHES}, {@link #P_TIME_STEPS}, {@link #P_INPUT_DIM}, {@link #P_STATE_DIM}</td><td>B, T, I, S</td></tr>
 * <tr><td>{@link #P_TIME_MAJOR}</td><td>1 time major, 0 batch major</td></tr>
 * <tr><td>{@link #P_INPUT_OFFSET}, {@link #P_HIDDEN_OFFSET}</td><td>−input and −hidden state zero points</td></tr>
 * <tr><td>{@link #P_CELL_CLIP}</td><td>quantized cell clip (0..32767), −1 without clipping</td></tr>
 * <tr><td>{@link #P_FORGET_MULTIPLIER}, {@link #P_FORGET_SHIFT}</td><td>forget gate × cell state → cell state</td></tr>
 * <tr><td>{@link #P_INPUT_MULTIPLIER}, {@link #P_INPUT_SHIFT}</td><td>input gate × cell gate → cell state</td></tr>
 * <tr><td>{@link #P_HIDDEN_MULTIPLIER}, {@link #P_HIDDEN_SHIFT}, {@link #P_HIDDEN_ZERO_POINT}</td><td>tanh(cell) × output gate → hidden state</td></tr>
 * <tr><td>{@link #P_CELL_TANH_MULTIPLIER}, {@link #P_CELL_TANH_SHIFT}</td><td>tanh input scaling of the cell state</td></tr>
 * <tr><td>{@link #P_GATES}</td><td>{@link LstmGate} fields of the input, forget, cell and output gates, in that order</td></tr>
 * </table>
 * Trusts prepare (TFLM only DCHECKs at eval time).
 */
public final class UnidirectionalSequenceLstm {
    private UnidirectionalSequenceLstm() {
    }

    public static final int P_BATCHES = 0;
    public static final int P_TIME_STEPS = 4;
    public static final int P_INPUT_DIM = 8;
    public static final int P_STATE_DIM = 12;
    public static final int P_TIME_MAJOR = 16;
    public static final int P_INPUT_OFFSET = 20;
    public static final int P_HIDDEN_OFFSET = 24;
    public static final int P_CELL_CLIP = 28;
    public static final int P_FORGET_MULTIPLIER = 32;
    public static final int P_FORGET_SHIFT = 36;
    public static final int P_INPUT_MULTIPLIER = 40;
    public static final int P_INPUT_SHIFT = 44;
    public static final int P_HIDDEN_MULTIPLIER = 48;
    public static final int P_HIDDEN_SHIFT = 52;
    public static final int P_HIDDEN_ZERO_POINT = 56;
    public static final int P_CELL_TANH_MULTIPLIER = 60;
    public static final int P_CELL_TANH_SHIFT = 64;
    public static final int P_GATES = 68;
    /** Gate order in {@link #P_GATES}: TFLite's tensor order. */
    public static final int GATE_INPUT = 0;
    public static final int GATE_FORGET = 1;
    public static final int GATE_CELL = 2;
    public static final int GATE_OUTPUT = 3;
    public static final int P_SIZE = P_GATES + 4 * LstmGate.G_BYTES;

    /** The gates' logistic input scaling: Q3.12 times 3 ({@code Sigmoid}'s multiplier 0, shift 0 case). */
    private static final int GATE_MULTIPLIER = 3;

    /**
     * Runs the whole sequence. Operands in TFLite order without the absent ones: input,
     * input-to-{input, forget, cell, output} filters, recurrent-to-{input, forget, cell, output}
     * filters, {input, forget, cell, output} gate biases, hidden state, cell state; then the output.
     * One method for the whole step (no per-unit call taking every operand): the stack holds one
     * frame of the operands, not two.
     */
    public static void eval(byte[] params, int p, byte[] input, int inputOff, byte[] inInput, int inInputOff,
            byte[] inForget, int inForgetOff, byte[] inCell, int inCellOff, byte[] inOutput, int inOutputOff,
            byte[] recInput, int recInputOff, byte[] recForget, int recForgetOff, byte[] recCell, int recCellOff,
            byte[] recOutput, int recOutputOff, byte[] biasInput, int biasInputOff, byte[] biasForget,
            int biasForgetOff, byte[] biasCell, int biasCellOff, byte[] biasOutput, int biasOutputOff, byte[] hidden,
            int hiddenOff, byte[] cell, int cellOff, byte[] output, int outputOff) {
        int batches = Flash.readInt(params, p + P_BATCHES);
        int steps = Flash.readInt(params, p + P_TIME_STEPS);
        int inputDim = Flash.readInt(params, p + P_INPUT_DIM);
        int stateDim = Flash.readInt(params, p + P_STATE_DIM);
        boolean timeMajor = Flash.readInt(params, p + P_TIME_MAJOR) != 0;
        int inputOffset = Flash.readInt(params, p + P_INPUT_OFFSET);
        int hiddenOffset = Flash.readInt(params, p + P_HIDDEN_OFFSET);
        int clip = Flash.readInt(params, p + P_CELL_CLIP);
        int forgetAt = p + P_GATES + GATE_FORGET * LstmGate.G_BYTES;
        int inputAt = p + P_GATES + GATE_INPUT * LstmGate.G_BYTES;
        int cellAt = p + P_GATES + GATE_CELL * LstmGate.G_BYTES;
        int outputAt = p + P_GATES + GATE_OUTPUT * LstmGate.G_BYTES;
        int rows = batches * steps;
        for (int k = 0; k < rows; k++) {
            // time major: row k is step k / B of batch k % B; batch major: step k % T of batch k / T
            int state = (timeMajor ? k % batches : k / steps) * stateDim;
            int x = inputOff + k * inputDim;
            int h = hiddenOff + state;
            int out = outputOff + k * stateDim;
            for (int unit = 0; unit < stateDim; unit++) {
                int f = unit * inputDim;
                int r = unit * stateDim;
                int forget = Int16Sigmoid.logistic(LstmGate.toInt16(
                        LstmGate.product(params, forgetAt + LstmGate.G_INPUT, input, x, inputDim, inputOffset,
                                inForget, inForgetOff + f, Flash.readInt(biasForget, biasForgetOff + 4 * unit))
                        + LstmGate.product(params, forgetAt + LstmGate.G_RECURRENT, hidden, h, stateDim,
                                hiddenOffset, recForget, recForgetOff + r, 0)), GATE_MULTIPLIER, 0);
                int in = Int16Sigmoid.logistic(LstmGate.toInt16(
                        LstmGate.product(params, inputAt + LstmGate.G_INPUT, input, x, inputDim, inputOffset,
                                inInput, inInputOff + f, Flash.readInt(biasInput, biasInputOff + 4 * unit))
                        + LstmGate.product(params, inputAt + LstmGate.G_RECURRENT, hidden, h, stateDim,
                                hiddenOffset, recInput, recInputOff + r, 0)), GATE_MULTIPLIER, 0);
                int g = Int16Sigmoid.tanh(LstmGate.toInt16(
                        LstmGate.product(params, cellAt + LstmGate.G_INPUT, input, x, inputDim, inputOffset,
                                inCell, inCellOff + f, Flash.readInt(biasCell, biasCellOff + 4 * unit))
                        + LstmGate.product(params, cellAt + LstmGate.G_RECURRENT, hidden, h, stateDim,
                                hiddenOffset, recCell, recCellOff + r, 0)), GATE_MULTIPLIER, 0);
                int c = cellOff + 2 * (state + unit);
                int value = LstmGate.toInt16(mul(params, p + P_FORGET_MULTIPLIER, forget, Flash.readShort(cell, c))
                        + mul(params, p + P_INPUT_MULTIPLIER, in, g));
                if (clip >= 0) {
                    value = Math.max(Math.min(clip, value), -clip);
                }
                cell[c] = (byte) value;
                cell[c + 1] = (byte) (value >> 8);
                int o = Int16Sigmoid.logistic(LstmGate.toInt16(
                        LstmGate.product(params, outputAt + LstmGate.G_INPUT, input, x, inputDim, inputOffset,
                                inOutput, inOutputOff + f, Flash.readInt(biasOutput, biasOutputOff + 4 * unit))
                        + LstmGate.product(params, outputAt + LstmGate.G_RECURRENT, hidden, h, stateDim,
                                hiddenOffset, recOutput, recOutputOff + r, 0)), GATE_MULTIPLIER, 0);
                int tanhCell = Int16Sigmoid.tanh(value, Flash.readInt(params, p + P_CELL_TANH_MULTIPLIER),
                        Flash.readInt(params, p + P_CELL_TANH_SHIFT));
                int hiddenValue = Flash.readInt(params, p + P_HIDDEN_ZERO_POINT)
                        + FixedPoint.multiplyByQuantizedMultiplier(tanhCell * o,
                                Flash.readInt(params, p + P_HIDDEN_MULTIPLIER),
                                Flash.readInt(params, p + P_HIDDEN_SHIFT));
                output[out + unit] = (byte) Math.min(127, Math.max(-128, hiddenValue));
            }
            System.arraycopy(output, out, hidden, h, stateDim);
        }
    }

    /**
     * {@code reference_integer_ops::MulElementwise} of two symmetric Q0.15/int16 values into the
     * int16 cell state: the product scaled by the multiplier and shift at {@code multiplierAt} and
     * {@code multiplierAt + 4}, output offset 0, clamped to int16.
     */
    private static int mul(byte[] params, int multiplierAt, int a, int b) {
        return LstmGate.toInt16(FixedPoint.multiplyByQuantizedMultiplier(a * b, Flash.readInt(params, multiplierAt),
                Flash.readInt(params, multiplierAt + 4)));
    }
}
