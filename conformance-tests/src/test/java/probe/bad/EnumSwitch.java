package probe.bad;

public final class EnumSwitch {
    enum Mode { OFF, ON }

    static int level;

    public static void setup() {
    }

    public static void loop() {
        switch (Mode.values()[level]) {
            case OFF -> level = 1;
            case ON -> level = 0;
        }
    }
}
