package fw.cli;

/** CLI firmware missing loop(): not a firmware class. */
public class NoLoop {
    public static void setup() {
    }
}
