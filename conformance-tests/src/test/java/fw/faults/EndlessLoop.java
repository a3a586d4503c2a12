package fw.faults;

/** Faults under a small watchdog: loop() never returns. */
public class EndlessLoop {
    static int spins;

    public static void setup() {
    }

    public static void loop() {
        while (true) {
            spins++; // FAULT (the backward branch after this line trips the watchdog)
        }
    }
}
