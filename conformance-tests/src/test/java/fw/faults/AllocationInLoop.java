package fw.faults;

/** Faults: newarray inside loop(). */
public class AllocationInLoop {
    static byte[] scratch;

    public static void setup() {
    }

    public static void loop() {
        scratch = new byte[8]; // FAULT
    }
}
