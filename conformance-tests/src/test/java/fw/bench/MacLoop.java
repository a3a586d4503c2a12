package fw.bench;

/**
 * Benchmark firmware: the inner loop of an int8 fully-connected layer. {@link #mac(int)} runs
 * {@code n} passes of a 256-element int8 multiply-accumulate ({@code sum += input[i] * weights[i]})
 * and adds each pass's sum into one of {@link #OUTPUTS} int32 accumulators, as a layer with that
 * many output channels would. The same class runs on the host JVM (the native baseline) and in the
 * emulator; both must return the same value.
 */
public final class MacLoop {
    /** Inputs per pass (the layer's input width). */
    public static final int LEN = 256;
    /** Accumulators (output channels); a power of two so the channel index is a mask. */
    public static final int OUTPUTS = 4;

    static byte[] input;
    static byte[] weights;
    static int[] acc;
    static int last;

    private MacLoop() {
    }

    /** Allocates the inputs, the weights and the accumulators, and fills them deterministically. */
    public static void setup() {
        input = new byte[LEN];
        weights = new byte[LEN];
        acc = new int[OUTPUTS];
        for (int i = 0; i < LEN; i++) {
            input[i] = (byte) (i * 37 - 100);
            weights[i] = (byte) (i * 91 + 13);
        }
    }

    /** One pass per loop, so the firmware also runs as an ordinary sketch. */
    public static void loop() {
        last = mac(1);
    }

    /**
     * Runs {@code n} multiply-accumulate passes over the inputs and weights.
     *
     * @return the sum of every pass's dot product (wrapping in int32)
     */
    public static int mac(int n) {
        byte[] a = input;
        byte[] b = weights;
        int[] out = acc;
        int total = 0;
        for (int r = 0; r < n; r++) {
            int sum = 0;
            for (int i = 0; i < LEN; i++) {
                sum += a[i] * b[i];
            }
            out[r & (OUTPUTS - 1)] += sum;
            total += sum;
        }
        return total;
    }
}
