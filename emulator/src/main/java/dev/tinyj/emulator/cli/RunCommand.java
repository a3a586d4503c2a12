package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.emulator.run.Inference;
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
import java.nio.file.Path;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * {@code tinyj run}: compile a .tflite model, build the inference firmware for a board, run one
 * inference in the emulator, and report outputs, cycles, latency, energy, MACs, SRAM, flash and a
 * per-operator profile. With no {@code --model} it runs the bundled sine model.
 */
final class RunCommand extends Command {
    /** The model shipped inside the product (trained and written by TinyJ: {@code tinyj train sine}). */
    static final String BUNDLED = "/dev/tinyj/emulator/models/sine_int8.tflite";
    static final long DEFAULT_SEED = 1;

    private static final String HELP = """
            usage: tinyj run [--board ID] [--model PATH] [--input PATH] [--seed N] [--watchdog-cycles N]
                             [--ignore-limits]

            Reads and compiles the model (TFLite schema 3, int8), writes its model image to flash segment 0,
            links TinyJ's inference firmware with only the model's kernels, runs one inference on the
            emulated board, and prints the outputs (dequantized; top 5 for classifiers) and a report:
            cycles, latency at the board clock, energy (uJ) from the board's sourced figures, MACs and
            cycles per MAC, SRAM (VM base, statics, arena, stack peak vs capacity), flash (code, model
            image vs capacity), and the share of cycles per operator.

              --board ID           board profile (default arduino-uno; ./tinyj boards lists them)
              --model PATH         .tflite model (default: the bundled sine model, 1 -> 16 -> 16 -> 1)
              --input PATH         raw input tensor bytes (.bin, all inputs concatenated in order)
              --seed N             random input from this seed when no --input (default 1)
              --watchdog-cycles N  watchdog fault when setup() (which validates the image) or the
                                   inference's loop() runs past N cycles (default 10^10)
              --ignore-limits      run even when the model does not fit, on an enlarged memory map;
                                   every figure is then hypothetical (exit code still 1)

            exit codes: 0 ran and fits, 1 does not fit the board (also with --ignore-limits),
                        2 bad input (file, model, board), 3 the firmware faulted
            Cost tables are uncalibrated until the boards issue lands: cycle figures are estimates.
            """;

    RunCommand(PrintStream out, PrintStream err) {
        super(out, err);
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
        return Set.of("board", "model", "input", "seed", "watchdog-cycles");
    }

    @Override
    Set<String> booleanFlags() {
        return Set.of("ignore-limits");
    }

    @Override
    int execute(Args a) throws UsageException {
        Board board;
        try {
            board = Boards.load(a.get("board", "arduino-uno"));
        } catch (BoardException e) {
            throw new UsageException(e.getMessage());
        }
        String modelArg = a.get("model", null);
        String name = modelArg == null ? "sine_int8"
                : Path.of(modelArg).getFileName().toString().replaceFirst("\\.tflite$", "");
        byte[] bytes = modelArg == null ? bundled() : FirmwareRunner.readFile(Path.of(modelArg), "--model");
        ModelBuild build;
        try {
            build = ModelBuild.of(bytes, name);
        } catch (TfliteException e) {
            throw new UsageException(e.getMessage());
        } catch (CompileException e) {
            e.problems().forEach(p -> err.println(name + ": " + p));
            throw new UsageException(name + " cannot run: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
        }
        long seed = a.getLong(name(), "seed", DEFAULT_SEED, Long.MIN_VALUE);
        byte[] input = a.has("input") ? FirmwareRunner.readFile(Path.of(a.get("input", null)), "--input")
                : randomInput(build, seed);
        int expected = Inference.inputBytes(build);
        if (input.length != expected) {
            throw new UsageException("--input: the model takes " + expected + " input bytes " + describeInputs(build)
                    + ", the file has " + input.length);
        }
        Program program;
        try {
            program = Inference.firmware(build, board);
        } catch (ImageException | SubsetException e) {
            throw new IllegalStateException("the inference firmware did not link: " + e.getMessage(), e);
        }
        RunFit fit = RunFit.check(build, program, board);
        boolean ignore = a.has("ignore-limits");
        if (!fit.fits() && !ignore) {
            fit.problems().forEach(p -> err.println("tinyj: does not fit: " + p));
            err.println("tinyj: run with --ignore-limits to run anyway on an enlarged memory map (hypothetical figures)");
            return 1;
        }
        long watchdog = a.getLong(name(), "watchdog-cycles", MachineOptions.DEFAULT_WATCHDOG_CYCLES, 1);
        try {
            Inference.Result r = Inference.run(build, program, board, input, watchdog,
                    fit.fits() ? 0 : fit.extraSramBytes());
            out.print(RunText.report(build, r, board, a.has("input") ? "input " + a.get("input", null)
                    : "random input, seed " + seed, !fit.fits()));
            return fit.fits() ? 0 : 1;
        } catch (GuestFault f) {
            err.print(RunReport.fault(f, null));
            return 3;
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

    private static String describeInputs(ModelBuild build) {
        StringBuilder sb = new StringBuilder("(");
        for (var t : Inference.inputs(build)) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(t.type().label()).append(java.util.Arrays.toString(t.shape()).replace(" ", ""));
        }
        return sb.append(')').toString();
    }
}
