package dev.tinyj.conformance.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.calibrate.BenchDriver;
import dev.tinyj.emulator.calibrate.Benchmark;
import dev.tinyj.emulator.calibrate.CalibCore;
import dev.tinyj.emulator.calibrate.CalibrationSuite;
import dev.tinyj.emulator.calibrate.GroundTruth;
import dev.tinyj.emulator.calibrate.KernelRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped calibration suite (issue 3): every ported kernel runs from TinyJ's own classes on
 * arduino-uno and nucleo-l4r5zi against the shipped ground truth, with nothing from
 * {@code ../shared}. Asserts that the ports compute what the C computes (every Fletcher-16 equals
 * results.csv's) and that every measured -O2 row the port can express is covered; cycle errors
 * are reported by {@code tinyj calibrate}, not judged here (the cost tables are fitted elsewhere).
 */
class CalibrationReportTest {
    static final Map<CalibCore, List<KernelRun>> RUNS = new java.util.EnumMap<>(CalibCore.class);

    @BeforeAll
    static void runTheSuiteOnBothCores() {
        CalibrationSuite suite = CalibrationSuite.shipped();
        for (CalibCore core : CalibCore.values()) {
            RUNS.put(core, suite.run(core.board()));
        }
    }

    @Test
    void everyKernelsOutputChecksumEqualsTheCsOnBothBoards() {
        List<String> mismatches = new ArrayList<>();
        for (List<KernelRun> runs : RUNS.values()) {
            for (KernelRun r : runs) {
                if (!r.checksumMatches()) {
                    mismatches.add(r.bench() + " on " + r.core().board() + ": " + r.checksum() + " != C "
                            + r.row().checksum());
                }
            }
        }
        assertEquals(List.of(), mismatches, "output checksums equal the C's");
    }

    @Test
    void everyMeasuredO2RowExceptLibcMemcpyIsCovered() {
        GroundTruth truth = GroundTruth.shipped();
        TreeSet<Integer> rows = new TreeSet<>();
        for (int id = 1; id <= 64; id++) {
            truth.row(id).ifPresent(r -> rows.add(r.benchId()));
        }
        assertEquals(35, rows.size(), "results.csv has -O2 rows 1-35");
        rows.remove(5);   // libc memcpy: no Java counterpart
        TreeSet<Integer> ported = new TreeSet<>(Benchmark.all().stream().map(Benchmark::id).toList());
        assertEquals(rows, ported);
        for (List<KernelRun> runs : RUNS.values()) {
            assertEquals(List.copyOf(ported), runs.stream().map(r -> r.bench().id()).toList(), "one run per row");
        }
    }

    @Test
    void eachRunIsScoredAgainstItsCoresColumnsAndKeepsItsMachine() {
        for (Map.Entry<CalibCore, List<KernelRun>> e : RUNS.entrySet()) {
            for (KernelRun r : e.getValue()) {
                assertSame(e.getKey(), r.core());
                assertEquals(e.getKey().board(), r.machine().board().id());
                assertEquals(r.row().number(e.getKey().cyclesColumn()), r.truthCycles());
                assertTrue(r.cycles() > 0 && r.bytecodes() > 0, r.bench().toString());
                assertTrue(r.machine().program().find(r.bench().owner(), r.bench().kernel(),
                        dev.tinyj.emulator.calibrate.CalibFirmware.descriptor(r.bench().int32(), r.bench().kernel())) >= 0);
                assertTrue(r.stackPeakBytes() > 0 && r.stackPeakBytes() <= r.machine().memory().stackPeakBytes());
            }
        }
    }

    @Test
    void bytecodeCountsAreTheSameOnBothCoresAndTheInt16PortDiffersFromItsTwin() {
        List<KernelRun> avr = RUNS.get(CalibCore.AVR8);
        List<KernelRun> m4 = RUNS.get(CalibCore.CORTEX_M4);
        for (int k = 0; k < avr.size(); k++) {
            assertEquals(avr.get(k).bytecodes(), m4.get(k).bytecodes(), avr.get(k).bench().toString());
        }
        // the int16 rendering writes 16-bit results back through (short) casts: more bytecodes than the int32 twin
        KernelRun fc16 = avr.stream().filter(r -> r.bench().id() == 12).findFirst().orElseThrow();
        KernelRun fc32 = avr.stream().filter(r -> r.bench().id() == 28).findFirst().orElseThrow();
        assertEquals(fc16.checksum(), fc32.checksum());
        assertNotEquals(fc16.bytecodes(), fc32.bytecodes());
    }

    @Test
    void fletcher16OfAbcdeIsTheTextbookC8f0() {
        assertEquals("c8f0", BenchDriver.fletcher16("abcde".getBytes(StandardCharsets.US_ASCII)));
    }
}
