package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import dev.tinyj.emulator.toolchain.train.SineModel;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** {@code tinyj train sine}: train, quantize and write the sine model TinyJ ships. */
final class TrainCommand extends Command {
    private static final String HELP = """
            usage: tinyj train sine --out PATH [--seed N]

            Trains the classic "sine" model (1 -> 16 -> 16 -> 1, ReLU; MSE, Adam; deterministic: seeded,
            StrictMath, fixed summation order, single thread) on x in [0, 2*pi), quantizes it to int8 per the
            TFLite spec (activations asymmetric per tensor from calibration, weights symmetric per channel,
            int32 bias with scale = input scale x weight scale), and writes a TFLite model (schema 3) with
            TinyJ's own flatbuffer writer. Prints the float and int8 mean absolute error against sin(x) on a
            1,000-point sweep and the file size. The default seed reproduces the bundled model byte for byte.

              --out PATH   where to write the .tflite file
              --seed N     training seed (default %d, the bundled model's)

            exit codes: 0 written, 2 bad input (unknown model name, unwritable path)
            """.formatted(SineModel.DEFAULT_SEED);

    TrainCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "train";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("out", "seed");
    }

    /** The first argument is the model name; the rest are flags. */
    int runWithName(String[] argv) throws UsageException {
        for (String a : argv) {
            if (a.equals("--help") || a.equals("-h")) {
                out.print(help());
                return 0;
            }
        }
        if (argv.length == 0 || argv[0].startsWith("--")) {
            throw new UsageException("train: name the model to train (only 'sine' exists): ./tinyj train sine --out PATH");
        }
        if (!argv[0].equals("sine")) {
            throw new UsageException("train: unknown model '" + argv[0] + "' (only 'sine' exists)");
        }
        return execute(Args.parse(name(), java.util.Arrays.copyOfRange(argv, 1, argv.length), valueFlags(),
                booleanFlags()));
    }

    @Override
    int execute(Args a) throws UsageException {
        Path outPath = Path.of(a.require(name(), "out"));
        long seed = a.getLong(name(), "seed", SineModel.DEFAULT_SEED, Long.MIN_VALUE);
        Path dir = outPath.toAbsolutePath().getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw new UsageException("train: cannot write " + outPath + ": its folder does not exist");
        }
        long t0 = System.nanoTime();
        SineModel.Result r = SineModel.build(seed);
        byte[] bytes = TfliteWriter.write(r.spec());
        try {
            Files.write(outPath, bytes);
        } catch (IOException e) {
            throw new UsageException("train: cannot write " + FirmwareRunner.reason(e));
        }
        out.printf(Locale.ROOT, "tinyj train sine: seed %d, %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
        out.printf(Locale.ROOT, "  mean |error| vs sin(x) on 1,000 x in [0, 2pi): float %.5f, int8 %.5f%n", r.floatMae(),
                r.int8Mae());
        out.printf(Locale.ROOT, "  wrote %s (%,d B)%n", outPath, bytes.length);
        return 0;
    }
}
