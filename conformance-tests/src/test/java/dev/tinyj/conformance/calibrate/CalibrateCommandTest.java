package dev.tinyj.conformance.calibrate;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import dev.tinyj.emulator.run.JsonReader;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tinyj calibrate} in-process: the text and JSON reports, and its exit codes. */
class CalibrateCommandTest {
    static final Pattern SUMMARY = Pattern.compile("median \\|error\\| \\d+\\.\\d% max \\|error\\| \\d+\\.\\d%");

    @Test
    void textHasOneRowPerKernelAndCoreAndTheSummaryLines() {
        Outcome o = tinyj("calibrate");
        assertEquals(0, o.code(), o.err());
        String t = o.out();
        for (String core : List.of("avr8", "cortex-m4")) {
            assertTrue(lineStarting(t, core + " median |error| "), core + " cycle summary:\n" + t);
            assertTrue(lineStarting(t, core + " code size, model in " + core + ".core"), t);
            assertTrue(lineStarting(t, core + " code size, least-squares refit"), t);
            assertEquals(34, t.lines().filter(l -> l.matches("\\s+\\d+\\s+\\S+.*\\s" + core + "\\s+\\d+\\s+\\d+\\s+[+-]\\d.*"))
                    .count(), "34 cycle rows on " + core + ":\n" + t);
        }
        assertTrue(lineStarting(t, "avr8 stack median |error| "), t);
        assertTrue(t.contains("lowest SP 0x07FC, RAMEND 0x08FF: 259 B"), t);
        assertEquals(9, t.lines().filter(l -> SUMMARY.matcher(l).find()).count(),
                "2 cycle, 2 leave-one-family-out, 4 code size, 1 stack");
        for (String core : List.of("avr8", "cortex-m4")) {
            assertTrue(lineStarting(t, core + " leave-one-family-out median |error| "), t);
            assertTrue(t.contains(core + " targets: median |error| <= "), t);
            assertTrue(t.lines().anyMatch(l -> l.startsWith(core + " targets: ") && l.endsWith(": met")), t);
        }
        assertTrue(t.contains("m4_insns"), "measured M4 instructions shown as context");
        assertTrue(o.err().contains("calibrate: arduino-uno [34/34]"), "progress on stderr: " + o.err());
        assertFalse(o.err().contains("Exception"), o.err());
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonParsesAndHoldsEveryKernelOfTheChosenCore() throws Exception {
        Outcome o = tinyj("calibrate", "--format", "json", "--core", "cortex-m4");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> root = (Map<String, Object>) JsonReader.parse(o.out());
        assertEquals(List.of("schema", "tinyj_version", "ground_truth", "cores", "stack"), List.copyOf(root.keySet()));
        assertEquals(null, root.get("stack"), "no AVR run, no stack comparison");
        List<Object> cores = (List<Object>) root.get("cores");
        assertEquals(1, cores.size());
        Map<String, Object> m4 = (Map<String, Object>) cores.getFirst();
        assertEquals("cortex-m4", m4.get("core"));
        assertEquals("m4_insns", m4.get("context_column"));
        List<Object> kernels = (List<Object>) m4.get("kernels");
        assertEquals(34, kernels.size());
        Map<String, Object> k = (Map<String, Object>) kernels.getFirst();
        assertEquals(List.of("bench_id", "c_function", "kernel", "shape", "weights", "style", "ground_truth_cycles",
                "estimate_cycles", "error_percent", "leave_one_family_out_estimate_cycles",
                "leave_one_family_out_error_percent", "context", "bytecodes", "checksum", "checksum_match",
                "stack_peak_bytes"), List.copyOf(k.keySet()));
        assertEquals(true, ((Map<String, Object>) m4.get("targets")).get("met"));
        assertEquals(8, ((List<Object>) ((Map<String, Object>) m4.get("leave_one_family_out")).get("families")).size());
        assertEquals(1288L, k.get("context"));
        assertEquals(true, k.get("checksum_match"));
        Map<String, Object> code = (Map<String, Object>) m4.get("code_size");
        assertEquals(21, ((List<Object>) code.get("functions")).size());
        assertEquals(15L, ((Map<String, Object>) code.get("summary")).get("count"));
        assertTrue(((Map<String, Object>) code.get("refit")).containsKey("expansion_per_bytecode_byte"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void jsonOnTheAvrHasTheStackComparison() throws Exception {
        Outcome o = tinyj("calibrate", "--format=json", "--core", "avr8");
        assertEquals(0, o.code(), o.err());
        Map<String, Object> stack = (Map<String, Object>) ((Map<String, Object>) JsonReader.parse(o.out())).get("stack");
        assertEquals(21, ((List<Object>) stack.get("functions")).size());
        assertEquals(259L, ((Map<String, Object>) stack.get("measured_whole_image")).get("bytes"));
    }

    @Test
    void badFlagsAreExit2WithoutAStackTrace() {
        for (String[] args : List.of(new String[] {"calibrate", "--bogus"}, new String[] {"calibrate", "--format", "xml"},
                new String[] {"calibrate", "--core", "riscv"}, new String[] {"calibrate", "--results", "/no/such.csv"},
                new String[] {"calibrate", "extra"}, new String[] {"calibrate", "--write-costs", "/no/such/dir"},
                new String[] {"calibrate", "--write-costs", "pom.xml"}, new String[] {"calibrate", "--write-costs", ""})) {
            Outcome o = tinyj(args);
            assertEquals(2, o.code(), String.join(" ", args) + ": " + o.err());
            assertTrue(o.err().startsWith("tinyj: calibrate"), o.err());
            assertFalse(o.err().contains("\tat "), o.err());
        }
        Outcome help = tinyj("calibrate", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--results FILE"), help.out());
    }

    @Test
    void aResultsFileIsScoredAndAChecksumTheEmulatorDoesNotReproduceIsAnInternalError(@TempDir Path dir)
            throws Exception {
        String csv;
        try (InputStream in = getClass().getResourceAsStream("/dev/tinyj/emulator/calibrate/results.csv")) {
            csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path same = Files.writeString(dir.resolve("same.csv"), csv);
        Outcome ok = tinyj("calibrate", "--results", same.toString(), "--core", "avr8");
        assertEquals(0, ok.code(), ok.err());
        assertTrue(ok.out().contains("ground truth: " + same), ok.out());

        assertTrue(csv.contains("\n1,mac_loop,N=256,sram,int16,-O2,256,MAC,5151,"));
        Path zero = Files.writeString(dir.resolve("zero.csv"),
                csv.replace("\n1,mac_loop,N=256,sram,int16,-O2,256,MAC,5151,", "\n1,mac_loop,N=256,sram,int16,-O2,256,MAC,0,"));
        Outcome z = tinyj("calibrate", "--results", zero.toString(), "--core", "avr8");
        assertEquals(2, z.code(), z.err());
        assertTrue(z.err().contains("avr_cycles is 0; a measured cycle, instruction or byte count must be positive"), z.err());

        String row1 = "\n1,mac_loop,N=256,sram,int16,-O2,256,MAC,5151,";
        int at = csv.indexOf(row1) + 1;
        String line = csv.substring(at, csv.indexOf('\n', at) + 1);
        Path twice = Files.writeString(dir.resolve("twice.csv"), csv + line.replace(",5151,", ",7777,"));
        Outcome dup = tinyj("calibrate", "--results", twice.toString(), "--core", "avr8");
        assertEquals(2, dup.code(), dup.err());
        assertTrue(dup.err().contains("a second -O2 row for bench 1"), dup.err());
        Path relabelled = Files.writeString(dir.resolve("relabelled.csv"),
                csv.replace(row1, row1.replace("mac_loop", "conv2d_3x3")));
        Outcome rel = tinyj("calibrate", "--results", relabelled.toString(), "--core", "avr8");
        assertEquals(2, rel.code(), rel.err());
        assertTrue(rel.err().contains("kernel 'conv2d_3x3', but bench 1 is mac_loop"), rel.err());

        Path broken = Files.writeString(dir.resolve("broken.csv"), csv.replace(",d743,", ",0bad,"));
        Outcome bad = tinyj("calibrate", "--results", broken.toString(), "--core", "avr8");
        assertEquals(4, bad.code(), bad.err());
        assertTrue(bad.err().contains("bench 18 (avgpool2x2_s8) on arduino-uno: output checksum d743, the C's is 0bad"),
                bad.err());
        assertFalse(bad.err().contains("\tat "), bad.err());
    }

    static boolean lineStarting(String text, String prefix) {
        return text.lines().anyMatch(l -> l.startsWith(prefix));
    }
}
