package fw.kernels.lstm;

import dev.tinyj.runtime.kernels.UnidirectionalSequenceLstm;

/**
 * Firmware wrapper for the emulator-vs-host test of the UNIDIRECTIONAL_SEQUENCE_LSTM kernel: the
 * entry point forwards its 15 (array, offset) operands and the output to the kernel. setup/loop do
 * nothing; the test calls the entry point directly.
 */
public final class LstmKernels {
    private LstmKernels() {
    }

    public static void setup() {
    }

    public static void loop() {
    }

    public static void lstm(byte[] params, int p, byte[] input, int inputOff, byte[] inInput, int inInputOff,
            byte[] inForget, int inForgetOff, byte[] inCell, int inCellOff, byte[] inOutput, int inOutputOff,
            byte[] recInput, int recInputOff, byte[] recForget, int recForgetOff, byte[] recCell, int recCellOff,
            byte[] recOutput, int recOutputOff, byte[] biasInput, int biasInputOff, byte[] biasForget,
            int biasForgetOff, byte[] biasCell, int biasCellOff, byte[] biasOutput, int biasOutputOff, byte[] hidden,
            int hiddenOff, byte[] cell, int cellOff, byte[] output, int outputOff) {
        UnidirectionalSequenceLstm.eval(params, p, input, inputOff, inInput, inInputOff, inForget, inForgetOff, inCell,
                inCellOff, inOutput, inOutputOff, recInput, recInputOff, recForget, recForgetOff, recCell, recCellOff,
                recOutput, recOutputOff, biasInput, biasInputOff, biasForget, biasForgetOff, biasCell, biasCellOff,
                biasOutput, biasOutputOff, hidden, hiddenOff, cell, cellOff, output, outputOff);
    }
}
