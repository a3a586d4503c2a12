package dev.tinyj.runtime.ops;

/**
 * Operator codes of the TinyJ runtime, one {@code static final int} per operator (an enum would
 * be an object, outside the subset). Names are the TFLite schema's {@code BuiltinOperator} names.
 * The host-side table {@code dev.tinyj.emulator.toolchain.ops.OpTable} maps each code to its
 * TFLite builtin code, host prepare step and kernel; a test checks the two agree.
 */
public final class OpCodes {
    private OpCodes() {
    }

    public static final int ADD = 1;
    public static final int AVERAGE_POOL_2D = 2;
    public static final int CONCATENATION = 3;
    public static final int CONV_2D = 4;
    public static final int DEPTHWISE_CONV_2D = 5;
    public static final int DEQUANTIZE = 6;
    public static final int FULLY_CONNECTED = 7;
    public static final int LOGISTIC = 8;
    public static final int MAX_POOL_2D = 9;
    public static final int MEAN = 10;
    public static final int MUL = 11;
    public static final int PAD = 12;
    public static final int PADV2 = 13;
    public static final int QUANTIZE = 14;
    public static final int RESHAPE = 15;
    public static final int SOFTMAX = 16;
    public static final int STRIDED_SLICE = 17;
    public static final int TANH = 18;

    /** One past the largest code. */
    public static final int COUNT = 19;

    /** Fused activation functions (TFLite {@code ActivationFunctionType}). */
    public static final int ACTIVATION_NONE = 0;
    public static final int ACTIVATION_RELU = 1;
    public static final int ACTIVATION_RELU_N1_TO_1 = 2;
    public static final int ACTIVATION_RELU6 = 3;
}
