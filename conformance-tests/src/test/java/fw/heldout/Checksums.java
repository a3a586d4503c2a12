package fw.heldout;

import dev.tinyj.hal.Progmem;
import dev.tinyj.hal.Serial;

/**
 * Held-out firmware: CRC-32 (IEEE, reflected 0xEDB88320) with a 16-entry nibble table in flash,
 * checked against the bitwise algorithm; Fletcher-16; and lookups in @Progmem {@code byte[]} and
 * {@code short[]} tables. Prints the CRC of "123456789" (0xCBF43926) on the first loop.
 */
public class Checksums {
    @Progmem
    static final int[] CRC_NIBBLE = {0x0000_0000, 0x1DB7_1064, 0x3B6E_20C8, 0x26D9_30AC, 0x76DC_4190,
        0x6B6B_51F4, 0x4DB2_6158, 0x5005_713C, 0xEDB8_8320, 0xF00F_9344, 0xD6D6_A3E8, 0xCB61_B38C, 0x9B64_C2B0,
        0x86D3_D2D4, 0xA00A_E278, 0xBDBD_F21C};

    @Progmem
    static final byte[] MESSAGE = {'1', '2', '3', '4', '5', '6', '7', '8', '9'};

    @Progmem
    static final short[] SINE_Q15 = {0, 12_539, 23_170, 30_273, 32_767, 30_273, 23_170, 12_539, 0, -12_539,
        -23_170, -30_273, -32_768, -30_273, -23_170, -12_539};

    static byte[] buffer;
    static int seed;

    public static void setup() {
        buffer = new byte[40];
        seed = 7;
        Serial.println("checksums");
    }

    static int crcTable(byte[] data, int len) {
        int crc = 0xFFFF_FFFF;
        for (int i = 0; i < len; i++) {
            crc ^= data[i] & 0xFF;
            crc = (crc >>> 4) ^ CRC_NIBBLE[crc & 15];
            crc = (crc >>> 4) ^ CRC_NIBBLE[crc & 15];
        }
        return ~crc;
    }

    static int crcBitwise(byte[] data, int len) {
        int crc = 0xFFFF_FFFF;
        for (int i = 0; i < len; i++) {
            crc ^= data[i] & 0xFF;
            for (int k = 0; k < 8; k++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xEDB8_8320 : crc >>> 1;
            }
        }
        return ~crc;
    }

    static int fletcher16(byte[] data, int len) {
        int a = 0;
        int b = 0;
        for (int i = 0; i < len; i++) {
            a = (a + (data[i] & 0xFF)) % 255;
            b = (b + a) % 255;
        }
        return b << 8 | a;
    }

    static int sineSum(int phase) {
        int s = 0;
        for (int i = 0; i < 8; i++) {
            s += SINE_Q15[(phase + i * 3) & 15];
        }
        return s;
    }

    public static void loop() {
        Serial.println(crcTable(MESSAGE, MESSAGE.length));
        Serial.println(crcBitwise(MESSAGE, MESSAGE.length));
        for (int i = 0; i < buffer.length; i++) {
            seed = seed * 1_664_525 + 1_013_904_223;
            buffer[i] = (byte) (seed >>> 24);
        }
        int t = crcTable(buffer, buffer.length);
        Serial.print(t);
        if (t == crcBitwise(buffer, buffer.length)) {
            Serial.print(" same ");
        } else {
            Serial.print(" DIFFERENT ");
        }
        Serial.println(fletcher16(buffer, buffer.length));
        Serial.println(sineSum(seed & 15));
        Serial.println(MESSAGE[seed & 7] + SINE_Q15[seed >>> 28]);
    }
}
