package dev.tinyj.conformance.calibrate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.calibrate.CalibrationSuite;
import dev.tinyj.emulator.calibrate.KernelRun;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationReportTest {
    @Test
    void scratch() {
        CalibrationSuite s = CalibrationSuite.shipped();
        for (String b : List.of("arduino-uno", "nucleo-l4r5zi")) {
            for (KernelRun r : s.run(b)) {
                System.out.printf("%s %d %s %d %d %+.1f %s %s %d%n", b, r.bench().id(), r.bench().cFunction(), r.truthCycles(), r.cycles(), r.errorPercent(), r.checksum(), r.checksumMatches(), r.stackPeakBytes());
            }
        }
    }
}
