package dev.tinyj.conformance.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.calibrate.CalibFirmware;
import dev.tinyj.emulator.calibrate.GroundTruth;
import dev.tinyj.emulator.calibrate.GroundTruthException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ground truth shipped as resources is the team's ({@code ../shared/calib}) byte for byte —
 * checked when that folder is present — and a results.csv that cannot be used is refused with a
 * message that says why.
 */
class ShippedGroundTruthTest {
    static final String RES = "/dev/tinyj/emulator/calibrate/";

    static byte[] resource(String name) throws IOException {
        try (InputStream in = ShippedGroundTruthTest.class.getResourceAsStream(RES + name)) {
            assertTrue(in != null, name + " is shipped");
            return in.readAllBytes();
        }
    }

    @Test
    void shippedResultsCsvIsTheTeamsFileByteForByte() throws IOException {
        Path csv = SharedData.require("calib/results.csv", "the shipped results.csv was not compared with it");
        assertArrayEquals(Files.readAllBytes(csv), resource("results.csv"));
    }

    @Test
    void shippedFc256WeightsAreTheModelDataTableByteForByte() throws IOException {
        Path c = SharedData.require("calib/src/model_data.c", "the shipped fc256x64_w.bin was not compared with it");
        String src = Files.readString(c);
        Matcher m = Pattern.compile("const int8_t fc256x64_w\\[(\\d+)\\][^{]*\\{([^}]*)\\}").matcher(src);
        assertTrue(m.find(), "fc256x64_w in model_data.c");
        String[] v = m.group(2).trim().split("\\s*,\\s*");
        byte[] table = new byte[Integer.parseInt(m.group(1))];
        for (int i = 0; i < table.length; i++) {
            table[i] = (byte) Integer.parseInt(v[i].trim());
        }
        assertArrayEquals(table, resource("fc256x64_w.bin"));
        assertArrayEquals(table, CalibFirmware.load().fc256Weights());
    }

    @Test
    void theShippedCopyParses() {
        GroundTruth t = GroundTruth.shipped();
        assertEquals("shipped results.csv", t.source());
        assertEquals(1335217, t.row(13).orElseThrow().number("avr_cycles"));
        assertEquals("c719", t.row(12).orElseThrow().checksum());
    }

    @Test
    void unusableResultsFilesAreRefusedWithTheReason(@TempDir Path dir) throws IOException {
        String csv = new String(resource("results.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(refused(dir, "").contains("is empty"));
        assertTrue(refused(dir, csv.replace("m4_est_cycles", "m4_cycles")).contains("no column 'm4_est_cycles'"));
        String withoutBench12 = String.join("\n", csv.lines().filter(l -> !l.startsWith("12,")).toList());
        assertTrue(refused(dir, withoutBench12).contains("no -O2 row for bench 12 (fc_s8_flash)"));
        String badNumber = csv.replace(",1335217,", ",lots,");
        assertTrue(refused(dir, badNumber).contains("avr_cycles 'lots' is not a whole number"), refused(dir, badNumber));
        GroundTruthException missing = assertThrows(GroundTruthException.class,
                () -> GroundTruth.read(dir.resolve("nope.csv")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    static String refused(Path dir, String text) throws IOException {
        Path f = Files.writeString(dir.resolve("r.csv"), text);
        return assertThrows(GroundTruthException.class, () -> GroundTruth.read(f)).getMessage();
    }
}
