package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code tinyj compile}: a .tflite model to a model image (and its per-model op resolver class). */
final class CompileCommand extends Command {
    private static final String HELP = """
            usage: tinyj compile --model PATH --out IMAGE [--classes DIR]

            Reads and compiles the model (prepare every operator, plan the arena) and writes the model image
            your firmware maps with Flash.segment(0) (pass it to tinyj firmware as --flash-segment 0=IMAGE).
            With --classes, also writes the per-model OpResolver class and the OpBridges class it calls
            under DIR: put DIR first on the firmware classpath so the firmware links only the model's kernels.

              --model PATH    the .tflite file
              --out IMAGE     where to write the model image (format: docs/model-image.md)
              --classes DIR   where to write dev/tinyj/runtime/model/OpResolver.class and OpBridges.class

            exit codes: 0 written, 2 unreadable or malformed file, unsupported operator or type
            """;

    CompileCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "compile";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("model", "out", "classes");
    }

    @Override
    int execute(Args a) throws UsageException {
        Path model = Path.of(a.require(name(), "model"));
        Path image = Path.of(a.require(name(), "out"));
        String name = model.getFileName().toString().replaceFirst("\\.tflite$", "");
        ModelBuild build;
        try {
            build = ModelBuild.of(FirmwareRunner.readFile(model, "--model"), name);
        } catch (TfliteException e) {
            throw new UsageException(e.getMessage());
        } catch (CompileException e) {
            e.problems().forEach(p -> err.println(model + ": " + p));
            throw new UsageException(name + " cannot be compiled: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems"));
        }
        try {
            if (a.has("classes")) {
                for (Map.Entry<String, byte[]> c : build.resolver().entrySet()) {
                    Path f = Path.of(a.get("classes", null)).resolve(c.getKey() + ".class");
                    Files.createDirectories(f.getParent());
                    Files.write(f, c.getValue());
                }
            }
            Files.write(image, build.image());
        } catch (IOException e) {
            throw new UsageException("compile: cannot write: " + FirmwareRunner.reason(e));
        }
        out.printf(java.util.Locale.ROOT, "tinyj compile: %s: %,d ops, arena %,d B, image %,d B -> %s%n", name,
                build.model().ops().size(), build.model().arenaBytes(), build.image().length, image);
        return 0;
    }
}
