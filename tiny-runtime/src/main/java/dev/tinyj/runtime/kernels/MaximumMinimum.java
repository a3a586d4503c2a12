package dev.tinyj.runtime.kernels;

/**
 * MAXIMUM and MINIMUM, int8 with broadcasting: TFLM's {@code reference_ops::MaximumMinimumBroadcastSlow}
 * ({@code tensorflow/lite/kernels/internal/reference/maximum_minimum.h}) with {@code MaximumOp} /
 * {@code MinimumOp} ({@code tensorflow/lite/micro/kernels/maximum_minimum.h}, tflite-micro
 * 90b983c2b3f1480642e040bbd2ddb37b998f3424): per element the larger (smaller) of the two raw int8
 * values, ignoring quantization as TFLM does (it has no prepare step). The walk is
 * {@link BinaryBroadcast#runMore}.
 *
 * <p>Parameters: the broadcast header of {@link BinaryBroadcast}; the operator fields are unused
 * (0). Size {@link #P_SIZE}.
 */
public final class MaximumMinimum {
    private MaximumMinimum() {
    }

    public static final int P_SIZE = BinaryBroadcast.P_SIZE;

    /** The larger of {@code input1} and {@code input2} (int8, broadcast) into {@code output} (int8, dense). */
    public static void maximum(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.runMore(params, p, input1, input1Off, input2, input2Off, output, outputOff,
                BinaryBroadcast.MAXIMUM);
    }

    /** The smaller of {@code input1} and {@code input2} (int8, broadcast) into {@code output} (int8, dense). */
    public static void minimum(byte[] params, int p, byte[] input1, int input1Off, byte[] input2, int input2Off,
            byte[] output, int outputOff) {
        BinaryBroadcast.runMore(params, p, input1, input1Off, input2, input2Off, output, outputOff,
                BinaryBroadcast.MINIMUM);
    }
}
