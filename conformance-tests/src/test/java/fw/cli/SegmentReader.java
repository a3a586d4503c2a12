package fw.cli;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Serial;

/** CLI firmware: reads two little-endian ints and a short from flash segment 0. */
public class SegmentReader {
    public static void setup() {
    }

    public static void loop() {
        byte[] seg = Flash.segment(0);
        Serial.println(Flash.readInt(seg, 0));
        Serial.println(Flash.readInt(seg, 4));
        Serial.println(Flash.readShort(seg, 8));
        Serial.println(seg.length);
    }
}
