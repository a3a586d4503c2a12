package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.toolchain.compile.ArenaReport;
import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.report.Json;
import dev.tinyj.emulator.toolchain.report.ModelInspection;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** {@code tinyj inspect}: read, compile and describe a .tflite model. */
final class InspectCommand extends Command {
    private static final String HELP = """
            usage: tinyj inspect --model PATH [--format text|json]

            Reads the .tflite model (TFLite schema 3), prepares every operator as TFLM's kernels do,
            plans the arena and writes the model image in memory, then reports: tensors (type, shape,
            arena offset or flash, bytes, first and last use), operators (inputs -> output, output shape,
            MACs, the precomputed int32 parameter block), the image size next to the .tflite size, and
            TFLM's arena figures when ../shared/models/golden/<model>/README.txt is beside the model.

              --model PATH     the .tflite file
              --format FMT     text (default) or json

            exit codes: 0 ok, 2 unreadable or malformed file, unsupported operator or type
            (every problem listed with its operator index)
            """;

    InspectCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "inspect";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("model", "format");
    }

    /** With {@code --format json}, an error is also a JSON object on standard output, for tools. */
    private void jsonError(String format, String model, String error, java.util.List<String> problems) {
        if (format.equals("json")) {
            Map<String, Object> o = Json.object();
            o.put("model", model);
            o.put("error", error);
            o.put("problems", new java.util.ArrayList<Object>(problems));
            out.print(Json.write(o));
        }
    }

    @Override
    int execute(Args a) throws UsageException {
        Path path = Path.of(a.require(name(), "model"));
        String format = a.get("format", "text");
        if (!format.equals("text") && !format.equals("json")) {
            throw new UsageException("inspect: --format must be text or json, got '" + format + "'");
        }
        String modelName = path.getFileName().toString().replaceFirst("\\.tflite$", "");
        TfliteModel tflite;
        long size;
        try {
            size = Files.size(path);
            tflite = TfliteReader.read(path);
        } catch (NoSuchFileException e) {
            throw new UsageException("inspect: model file " + path + " does not exist");
        } catch (IOException e) {
            throw new UsageException("inspect: cannot read " + FirmwareRunner.reason(e));
        } catch (TfliteException e) {
            jsonError(format, modelName, e.getMessage(), java.util.List.of());
            throw new UsageException(e.getMessage());
        }
        CompiledModel model;
        try {
            model = ModelCompiler.compile(tflite, modelName);
        } catch (CompileException e) {
            e.problems().forEach(p -> err.println(path + ": " + p));
            String summary = modelName + " cannot be compiled: " + e.problems().size()
                    + (e.problems().size() == 1 ? " problem" : " problems");
            jsonError(format, modelName, summary, e.problems());
            throw new UsageException(summary);
        }
        byte[] image = ImageWriter.write(model);
        Map<String, Object> r = ModelInspection.of(tflite, model, size, image.length,
                ArenaReport.TflmArena.beside(path, modelName));
        out.print(format.equals("json") ? Json.write(r) : ModelInspection.text(r));
        return 0;
    }
}
