package dev.tinyj.conformance.image;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteException;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;

/**
 * Test support: a simple stand-in for the compiler. Prepares every operator of a .tflite model
 * with {@link OpTable}, puts every constant operand in FLASH, every other tensor an operator or
 * the model touches in the ARENA at its own 4-aligned offset (no planning, no reuse), the rest
 * ABSENT. Also: where {@code ../shared/kernel_models} is, and its index.
 */
final class TestModels {
    private TestModels() {
    }

    /** A kernel model row of index.csv with status ok. */
    record Case(String op, String id, Path dir) {
        Path file(String suffix) {
            return dir.resolve(op).resolve(id + suffix);
        }

        String where() {
            return op + "/" + id;
        }
    }

    /** {@code ../shared/kernel_models}, skipping the test when absent. */
    static Path kernelModels() {
        for (String up : List.of("../shared/", "../../shared/", "../../../shared/")) {
            Path p = Path.of(up + "kernel_models");
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        Assumptions.assumeTrue(false, "../shared/kernel_models is absent: kernel model images not checked");
        return null;
    }

    /** Every ok row of index.csv. */
    static List<Case> kernelCases() throws IOException {
        Path dir = kernelModels();
        List<String> rows = Files.readAllLines(dir.resolve("index.csv"));
        List<Case> out = new ArrayList<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", 11);
            if (c[9].equals("ok")) {
                out.add(new Case(c[0], c[1], dir));
            }
        }
        return out;
    }

    /** The bundled hello_world_int8.tflite. */
    static byte[] helloWorld() {
        try (InputStream in = TestModels.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            if (in == null) {
                throw new IllegalStateException("test resource /tflite/hello_world_int8.tflite is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles {@code model} as described above. */
    static CompiledModel compile(TfliteModel model) throws TfliteException, PrepareException {
        TfliteModel.Subgraph sg = model.main();
        int n = sg.tensors().size();
        Placement[] placement = new Placement[n];
        java.util.Arrays.fill(placement, Placement.ABSENT);
        List<CompiledOp> ops = new ArrayList<>();
        for (int i = 0; i < sg.operators().size(); i++) {
            OpContext ctx = model.context(i);
            OpTable.Entry entry = OpTable.byName(ctx.op()).orElseThrow(
                    () -> new IllegalArgumentException("no OpTable entry for " + ctx.op()));
            PreparedOp prepared = entry.prepare().prepare(ctx);
            TfliteModel.Operator op = sg.operators().get(i);
            for (int t : op.inputs()) {
                if (t >= 0) {
                    placement[t] = model.tensorInfo(t).isConstant() ? Placement.FLASH : Placement.ARENA;
                }
            }
            placement[op.outputs()[0]] = Placement.ARENA;
            ops.add(new CompiledOp(i, entry.code(), ctx.op(), prepared.params(), op.inputs().clone(), op.outputs()[0],
                    false));
        }
        for (int t : sg.inputs()) {
            placement[t] = Placement.ARENA;
        }
        for (int t : sg.outputs()) {
            placement[t] = Placement.ARENA;
        }
        List<CompiledTensor> tensors = new ArrayList<>();
        int arena = 0;
        for (int t = 0; t < n; t++) {
            TensorInfo info = model.tensorInfo(t);
            int offset = -1;
            if (placement[t] == Placement.ARENA) {
                offset = arena;
                arena += (info.bytes() + 3) & ~3;
            }
            tensors.add(new CompiledTensor(t, info.name(), info.type(), info.shape(), info.quantization(),
                    placement[t], offset, placement[t] == Placement.ABSENT ? 0 : info.bytes(),
                    placement[t] == Placement.FLASH ? info.data() : null, -1, ops.size(), -1));
        }
        return new CompiledModel(model.name(), tensors, ops, sg.inputs().clone(), sg.outputs().clone(), arena);
    }

    /** Reads and compiles a .tflite file. */
    static CompiledModel compile(Path file) throws IOException, TfliteException, PrepareException {
        return compile(TfliteReader.read(file));
    }
}
