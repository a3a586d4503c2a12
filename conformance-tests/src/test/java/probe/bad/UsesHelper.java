package probe.bad;

public final class UsesHelper {
    public static void setup() {
    }

    public static void loop() {
        Helper.value = Helper.twice(Helper.value);
    }
}
