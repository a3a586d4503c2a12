package fw.faults;

/** Faults on arduino-uno: setup() asks for 4,000 B of int[] in 2 KB of SRAM. */
public class HugeArray {
    static int[] samples;

    public static void setup() {
        samples = new int[1_000]; // FAULT
    }

    public static void loop() {
    }
}
