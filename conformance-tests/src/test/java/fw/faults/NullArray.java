package fw.faults;

/** Faults: a store into an array setup() never allocated. */
public class NullArray {
    static short[] samples;

    public static void setup() {
    }

    public static void loop() {
        samples[0] = 1; // FAULT
    }
}
