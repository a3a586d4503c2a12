package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.InputException;
import dev.tinyj.emulator.run.TensorFiles;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ImageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code tinyj run}: compile a .tflite model, build the inference firmware for a board, run one
 * inference in the emulator, and report outputs, cycles, latency, energy, MACs, SRAM, flash and a
 * per-operator profile. With no {@code --model} it runs the bundled sine model.
 */
class RunCommand extends Command {
    /** The model shipped inside the product (trained and written by TinyJ: {@code tinyj train sine}). */
    static final String BUNDLED = "/dev/tinyj/emulator/models/sine_int8.tflite";
    static final long DEFAULT_SEED = 1;

    private static final String HELP = """
            usage: tinyj run [--board ID] [--model PATH] [--input PATH] [--expect PATH] [--seed N]
                             [--format text|json|junit] [--out PATH] [--watchdog-cycles N] [--ignore-limits]
                             [--max-cycles N] [--max-latency-ms X] [--max-energy-uj X] [--max-sram B] [--max-flash B]
                             [--inferences-per-second X] [--battery-mah X [--battery-v V]]

            Reads and compiles the model (TFLite schema 3: int8, int16 and float32 kernels), writes its
            model image to flash segment 0, links TinyJ's inference firmware with only the model's
            kernels, runs one inference on the emulated board, and prints the outputs (dequantized; top 5
            for classifiers) and a report:
            cycles, latency at the board clock, energy (uJ) from the board's sourced figures, the energy
            and average power at a duty cycle and a battery's life at it, MACs and cycles per MAC, SRAM
            (VM base, statics, arena, stack peak vs capacity), flash (code, model image vs capacity), and
            the share of cycles per operator.

              --board ID           board profile (default arduino-uno; ./tinyj boards lists them)
              --model PATH         .tflite model (default: the bundled sine model, 1 -> 16 -> 16 -> 1)
              --input PATH         the input instead of a random one, by extension:
                                   .bin  raw bytes of all inputs, concatenated in order
                                   .npy  int8 (as is) or float32 (quantized with the input's scale and
                                         zero point; kept as float32 for a float32 input), elements of
                                         all inputs in order (the shape is not checked, the count is)
                                   .csv  (or .txt) real numbers separated by commas, spaces or newlines,
                                         quantized like a float32 .npy ('#' starts a comment line)
              --expect PATH        compare the output bytes with a .bin (all outputs) or a .npy (the
                                   outputs' dtype); a mismatch lists the first differing elements, exit 1;
                                   float SOFTMAX and LOG_SOFTMAX outputs within their ULP bounds (docs/kernels.md)
              --seed N             random input from this seed when no --input (default 1)
              --format text|json|junit
                                   the report's format (default text; json: docs/report-schema.md;
                                   junit: JUnit XML, one testcase per check: docs/check.md)
              --out PATH           write the report to PATH instead of standard output
              --watchdog-cycles N  watchdog fault when setup() (which validates the image) or the
                                   inference's loop() runs past N cycles (default 10^10)
              --ignore-limits      run even when the model does not fit, on an enlarged memory map;
                                   every figure is then hypothetical (exit code still 1)
            energy (./tinyj boards lists each board's figures; an unsourced one makes a result unknown):
              --inferences-per-second X
                                   duty cycle: one inference every 1/X s, asleep in the board's timed-sleep
                                   mode the rest of the period (default 1); a rate the inference cannot keep
                                   up with is reported as infeasible
              --battery-mah X      a battery of X mAh for the battery-life estimate (default: the board's
                                   default battery; no shipped board has one)
              --battery-v V        its nominal voltage (default: the board's supply voltage); life =
                                   mAh x 3.6 x V / average power (lossless supply, no self-discharge)
            budgets (each exceeded one fails the run, exit 1, with the value vs the budget):
              --max-cycles N       cycles of one inference
              --max-latency-ms X   latency of one inference at the board clock, ms
              --max-energy-uj X    energy of one inference, uJ
              --max-sram B         peak SRAM, bytes
              --max-flash B        flash (code + constants + model image), bytes

            Quantization of real inputs: q = clamp(round(x / scale) + zero_point, -128, 127), float32
            arithmetic, rounding half away from zero (TFLite's). On a terminal, a run longer than 2 s
            shows the elapsed seconds on standard error.

            exit codes: 0 ran, fits and (with --expect) the outputs match; 1 does not fit the board
                        (also with --ignore-limits), a budget exceeded or --expect mismatch; 2 bad input (file, size or
                        dtype, model, board, flag); 3 the firmware faulted; 4 internal error
            Cycle, latency and energy figures are estimates from the core's calibrated cost table
            (docs/cost-model.md; `tinyj calibrate` shows its errors on measured kernels).
            """;

    RunCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    /** Whether this is {@code tinyj check}: the checks are always listed, with --junit and --baseline. */
    boolean gating() {
        return false;
    }

    @Override
    String name() {
        return "run";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        Set<String> flags = new java.util.HashSet<>(Set.of("board", "model", "input", "expect", "seed", "format", "out",
                "watchdog-cycles", "inferences-per-second"));
        flags.addAll(Budgets.FLAGS);
        flags.addAll(BatteryChoice.FLAGS);
        return flags;
    }

    @Override
    Set<String> booleanFlags() {
        return Set.of("ignore-limits");
    }

    @SuppressWarnings("try") // the progress line is closed early, before the problems print
    @Override
    int execute(Args a) throws UsageException {
        String format = a.get("format", "text");
        if (!format.equals("text") && !format.equals("json") && !format.equals("junit")) {
            throw new UsageException(name() + ": --format must be text or json (or junit), got '" + format + "'");
        }
        Budgets budgets = Budgets.of(name(), a);
        String junitPath = gating() ? a.get("junit", null) : null;
        Baseline baseline = null;
        double tolerance = Gate.DEFAULT_TOLERANCE_PCT;
        if (gating()) {
            if (a.has("tolerance") && !a.has("baseline")) {
                throw new UsageException(name() + ": --tolerance needs --baseline REPORT.json");
            }
            Double t = Budgets.real(name(), a, "tolerance");
            tolerance = t == null ? tolerance : t;
            String basePath = a.get("baseline", null);
            baseline = basePath == null ? null : Baseline.read(basePath);
        }
        Gate gate = new Gate(budgets, baseline, tolerance);
        Board board;
        try {
            board = Boards.load(a.get("board", "arduino-uno"));
        } catch (BoardException e) {
            throw new UsageException(e.getMessage());
        }
        Double rate = Budgets.positiveWithin(name(), a, "inferences-per-second", 1e-6, 1e6);
        double perSecond = rate == null ? 1.0 : rate;
        BatteryChoice battery = BatteryChoice.Flags.of(name(), a).choose(board);
        String modelArg = a.get("model", null);
        String name = modelArg == null ? "sine_int8"
                : Path.of(modelArg).getFileName().toString().replaceFirst("\\.tflite$", "");
        byte[] bytes = modelArg == null ? bundled() : FirmwareRunner.readFile(Path.of(modelArg), "--model");
        String inputPath = a.get("input", null);
        byte[] inputFile = inputPath == null ? null : FirmwareRunner.readFile(Path.of(inputPath), "--input");
        String expectPath = a.get("expect", null);
        byte[] expectFile = expectPath == null ? null : FirmwareRunner.readFile(Path.of(expectPath), "--expect");
        long seed = a.getLong(name(), "seed", DEFAULT_SEED, Long.MIN_VALUE);
        long watchdog = a.getLong(name(), "watchdog-cycles", MachineOptions.DEFAULT_WATCHDOG_CYCLES, 1);
        boolean ignore = a.has("ignore-limits");
        ModelBuild build;
        Program program;
        RunFit fit;
        byte[] input;
        Inference.Result r = null;
        GuestFault fault = null;
        try (RunProgress progress = RunProgress.start(err, name + " on " + board.id())) {
            try {
                build = ModelBuild.of(bytes, name);
            } catch (TfliteException e) {
                throw new UsageException(e.getMessage());
            } catch (CompileException e) {
                progress.close();
                e.problems().forEach(p -> err.println(name + ": " + p));
                throw new UsageException(name + " cannot run: " + e.problems().size()
                        + (e.problems().size() == 1 ? " problem" : " problems"));
            }
            if (baseline != null) {
                baseline.requireSame(build.model().name(), board.id());
            }
            try {
                input = inputFile == null ? randomInput(build, seed)
                        : TensorFiles.input(inputPath, inputFile, Inference.inputs(build));
                if (expectFile != null) {
                    int outBytes = Inference.outputs(build).stream().mapToInt(t -> t.bytes()).sum();
                    TensorFiles.expect(expectPath, expectFile, Inference.outputs(build), new byte[outBytes]);
                }
            } catch (InputException e) {
                throw new UsageException(e.getMessage());
            }
            try {
                program = Inference.firmware(build, board);
            } catch (ImageException | SubsetException e) {
                throw new IllegalStateException("the inference firmware did not link: " + e.getMessage(), e);
            }
            fit = RunFit.check(build, program, board);
            if (fit.fits() || ignore) {
                try {
                    r = Inference.run(build, program, board, input, watchdog, fit.fits() ? 0 : fit.extraSramBytes());
                } catch (GuestFault f) {
                    fault = f;
                }
            }
        }
        if (!fit.fits() && !ignore) {
            fit.problems().forEach(p -> err.println("tinyj: does not fit: " + p));
            err.println("tinyj: run with --ignore-limits to run anyway on an enlarged memory map (hypothetical figures)");
            if (gating() || format.equals("junit")) {
                List<Check> checks = gate.notRun(build, program, board, expectFile != null);
                String text = CheckReport.text(name(), checks);
                if (format.equals("text")) {
                    emit(a, text);
                } else if (format.equals("junit")) {
                    emit(a, CheckReport.junit(name(), build.model().name(), board.id(), checks, text));
                }
                if (junitPath != null) {
                    write("--junit", junitPath, CheckReport.junit(name(), build.model().name(), board.id(), checks, text));
                }
            }
            return 1;
        }
        if (fault != null) {
            err.print(RunReport.fault(fault, null));
            if (junitPath != null || format.equals("junit")) {
                String xml = CheckReport.junitFault(name(), build.model().name(), board.id(), RunReport.fault(fault, null));
                if (junitPath != null) {
                    write("--junit", junitPath, xml);
                }
                if (format.equals("junit")) {
                    emit(a, xml);
                }
            }
            return 3;
        }
        TensorFiles.Comparison expect;
        try {
            expect = expectFile == null ? null
                    : TensorFiles.expect(expectPath, expectFile, Inference.outputs(build), Inference.outputUlps(build),
                            r.output());
        } catch (InputException e) {
            throw new UsageException(e.getMessage());
        }
        RunOutcome o = new RunOutcome(build, r, board, modelArg, inputPath, inputPath == null ? seed : null, fit,
                expect, perSecond, battery);
        List<Check> checks = gate.evaluate(o);
        int exit = Math.max(o.exitCode(), Gate.anyFailed(checks) ? 1 : 0);
        String text = RunText.report(o);
        if (gating() || budgets.any()) {
            text += CheckReport.text(name(), checks);
        }
        String report = switch (format) {
            case "json" -> CheckReport.json(RunJson.tree(o), checks, exit);
            case "junit" -> CheckReport.junit(name(), build.model().name(), board.id(), checks, text);
            default -> text;
        };
        if (junitPath != null) {
            write("--junit", junitPath, CheckReport.junit(name(), build.model().name(), board.id(), checks, text));
        }
        emit(a, report);
        if (!gating() || !format.equals("text")) {
            for (Check c : checks) {
                if (c.failed() && !c.name().equals("expect") && !c.name().startsWith("fits-")) {
                    err.println("tinyj: " + c.name() + ": " + c.message());
                }
            }
        }
        if (expect != null && !expect.match()) {
            err.println(String.format(java.util.Locale.ROOT,
                    "tinyj: --expect: %,d of %,d output elements differ from %s; first: %s", expect.differing(),
                    expect.elements(), expectPath, expect.first().get(0)));
        }
        return exit;
    }

    /** The report to standard output or to {@code --out}. */
    private void emit(Args a, String report) throws UsageException {
        String outPath = a.get("out", null);
        if (outPath == null) {
            out.print(report);
        } else {
            write("--out", outPath, report);
        }
    }

    private static void write(String flag, String path, String text) throws UsageException {
        try {
            Files.writeString(Path.of(path), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageException(flag + " " + path + ": cannot write the report: " + IoErrors.describe(e));
        } catch (java.nio.file.InvalidPathException e) {
            throw new UsageException(flag + " " + path + ": cannot write the report: " + e.getMessage());
        }
    }

    private static byte[] bundled() {
        try (InputStream in = RunCommand.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + BUNDLED + " is missing from the build");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled model", e);
        }
    }

    /** Uniform random bytes for int8 inputs; floats uniform in [-1, 1) for float32 inputs. */
    static byte[] randomInput(ModelBuild build, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        for (var t : Inference.inputs(build)) {
            if (t.type() == dev.tinyj.emulator.toolchain.graph.DType.FLOAT32) {
                for (int k = 0; k < t.bytes() / 4; k++) {
                    int bits = Float.floatToRawIntBits((float) (rnd.nextDouble() * 2 - 1));
                    b.write(bits);
                    b.write(bits >>> 8);
                    b.write(bits >>> 16);
                    b.write(bits >>> 24);
                }
            } else {
                for (int k = 0; k < t.bytes(); k++) {
                    b.write(rnd.nextInt(256));
                }
            }
        }
        return b.toByteArray();
    }
}
