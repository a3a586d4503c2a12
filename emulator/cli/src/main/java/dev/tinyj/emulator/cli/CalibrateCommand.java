package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.calibrate.Benchmark;
import dev.tinyj.emulator.calibrate.CalibCore;
import dev.tinyj.emulator.calibrate.CalibrationSuite;
import dev.tinyj.emulator.calibrate.CoreResult;
import dev.tinyj.emulator.calibrate.GroundTruth;
import dev.tinyj.emulator.calibrate.GroundTruthException;
import dev.tinyj.emulator.calibrate.KernelRun;
import dev.tinyj.emulator.calibrate.StackCheck;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code tinyj calibrate}: the calibration suite against its ground truth (docs/calibration.md):
 * cycles per kernel and core, code size per kernel function, stack per kernel on the AVR.
 */
final class CalibrateCommand extends Command {
    private static final String HELP = """
            usage: tinyj calibrate [--format text|json] [--results FILE] [--core avr8|cortex-m4]
                                   [--write-costs DIR]

            Runs every ported calibration kernel (34: mac, copy, requantize, clamp, fully_connected,
            conv2d 3x3, depthwise conv2d 3x3, avg pool; int16 style and Java-like int32 twins) in the
            emulator, once each on a fresh machine, and scores TinyJ against the native ground truth
            (the -O2 rows of results.csv):
              cycles     arduino-uno vs avr_cycles (simavr, exact); nucleo-l4r5zi vs m4_est_cycles
                         (a TRM estimate from QEMU instruction counts; m4_insns shown beside it)
              code size  the code-size model's bytes for each kernel's Java methods vs the C kernel
                         function's bytes, with a least-squares refit of the model
              stack      arduino-uno's stack peak per kernel vs avr-gcc's deepest call path at -O2
            Each block ends with median and max |error|. The cycle block also refits the core's cost
            table from its prior (cores/<core>.prior) once per kernel family with that family left out
            and scores it on the family ("leave-one-family-out"), and says whether the targets (avr8:
            median <= 10%, max <= 25%; cortex-m4: 15%, 30%) are met. Every kernel's output checksum
            must equal the C's. Progress goes to standard error; the run takes a few seconds.

              --format FMT     text (default) or json (docs/calibration.md)
              --results FILE   a results.csv to score against instead of the shipped copy (e.g. one
                               re-measured with `make run` in ../shared/calib)
              --core CORE      only avr8 or only cortex-m4 (default both)
              --write-costs DIR
                               also write the fitted cost tables, DIR/<core>.costs, in the format of
                               boards/src/main/resources/dev/tinyj/boards/cores/ (how the shipped
                               tables are made; docs/cost-model.md)

            exit codes: 0 the run completed (errors are reported, not judged), 2 bad input (flag,
            results file), 4 a kernel's output differs from the C's (a bug in the port or the VM)
            """;

    CalibrateCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "calibrate";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("format", "results", "core", "write-costs");
    }

    @Override
    int execute(Args a) throws UsageException {
        String format = a.get("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("calibrate: --format must be text or json, got '" + format + "'");
        }
        List<CalibCore> cores = new ArrayList<>(List.of(CalibCore.values()));
        if (a.has("core")) {
            String id = a.get("core", "");
            cores = List.of(CalibCore.byId(id).orElseThrow(() -> new UsageException(
                    "calibrate: --core must be avr8 or cortex-m4, got '" + id + "'")));
        }
        GroundTruth truth;
        if (a.has("results")) {
            try {
                truth = GroundTruth.read(Path.of(a.get("results", "")));
            } catch (GroundTruthException e) {
                throw new UsageException("calibrate: --results " + e.getMessage());
            }
        } else {
            truth = GroundTruth.shipped();
        }
        Path costsDir = null;
        if (a.has("write-costs")) {
            String dir = a.get("write-costs", "");
            if (dir.isBlank()) {
                throw new UsageException("calibrate: --write-costs needs a folder, got an empty value");
            }
            costsDir = Path.of(dir);
            if (java.nio.file.Files.isDirectory(costsDir) && !java.nio.file.Files.isWritable(costsDir)) {
                throw new UsageException("calibrate: --write-costs " + costsDir + ": the folder is not writable");
            }
            if (!java.nio.file.Files.isDirectory(costsDir)) {
                throw new UsageException("calibrate: --write-costs " + costsDir + (java.nio.file.Files.exists(costsDir)
                        ? ": not a directory (give the folder the <core>.costs files go into)" : ": no such directory"));
            }
        }
        CalibrationSuite suite = CalibrationSuite.with(truth);
        List<CoreResult> results = new ArrayList<>();
        int total = Benchmark.all().size();
        for (CalibCore core : cores) {
            int[] done = {0};
            results.add(CoreResult.measure(suite, core, r -> progress(r, ++done[0], total)));
        }
        StackCheck stack = results.stream().filter(r -> r.core() == CalibCore.AVR8).findFirst()
                .map(r -> StackCheck.of(r.runs())).orElse(null);
        out.print(format.equals("json") ? CalibrateReport.json(truth, results, stack)
                : CalibrateReport.text(truth, results, stack));
        if (costsDir != null) {
            for (CoreResult r : results) {
                Path file = costsDir.resolve(r.core().id() + ".costs");
                try {
                    java.nio.file.Files.writeString(file, r.costs().costsFile());
                } catch (java.io.IOException e) {
                    err.println("tinyj: calibrate: --write-costs: cannot write " + file + ": " + IoErrors.describe(e));
                    return 2;
                }
                err.println("calibrate: wrote " + file);
            }
        }
        List<KernelRun> bad = results.stream().flatMap(r -> r.checksumMismatches().stream()).toList();
        for (KernelRun r : bad) {
            err.printf(Locale.ROOT, "tinyj: calibrate: bench %d (%s) on %s: output checksum %s, the C's is %s%n",
                    r.bench().id(), r.bench().cFunction(), r.core().board(), r.checksum(), r.row().checksum());
        }
        if (!bad.isEmpty()) {
            err.println("tinyj: calibrate: internal error: the Java port and the C kernels disagree (a bug in "
                    + "TinyJ; or --results comes from changed kernels)");
            return 4;
        }
        return 0;
    }

    private void progress(KernelRun r, int done, int total) {
        err.printf(Locale.ROOT, "calibrate: %s [%d/%d] %d %s %s%n", r.core().board(), done, total, r.bench().id(),
                r.bench().cFunction(), r.row().shape());
    }
}
