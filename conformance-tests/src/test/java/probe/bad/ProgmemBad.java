package probe.bad;

import dev.tinyj.hal.Progmem;

public final class ProgmemBad {
    @Progmem
    static int[] notFinal = {1, 2};
    @Progmem
    static final int[] computed = make();
    @Progmem
    static final short[] TABLE = {10, 20};

    public static void setup() {
        notFinal = computed;
    }

    public static void loop() {
        notFinal[0] = computed[0] + TABLE[1];
    }

    static int[] make() {
        return new int[] {3};
    }
}
