package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compiler on the bundled hello_world model (runs without {@code shared/}), and the report's parser. */
class BundledModelCompileTest {
    @Test
    void helloWorldCompilesToA32ByteArena() throws Exception {
        byte[] file;
        try (InputStream in = getClass().getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            file = in.readAllBytes();
        }
        ModelCompiler.Compilation c = ModelCompiler.compileDetailed(TfliteReader.read(file, "hello_world_int8.tflite"),
                "hello_world_int8");
        CompiledModel m = c.model();
        SharedModels.assertValidPlan(c);
        assertEquals(3, m.ops().size());
        // input 1 byte, two hidden [1,16] activations, output 1 byte: at most two 16-byte tensors live at once
        assertEquals(32, m.arenaBytes());
        for (CompiledTensor t : m.tensors()) {
            if (t.placement() == Placement.FLASH) {
                assertEquals(t.bytes(), t.data().length);
            }
        }
        CompiledTensor in = m.tensors().get(m.inputs()[0]);
        assertEquals(-1, in.firstUse());
        assertEquals(Placement.ARENA, in.placement());
        assertEquals(m.ops().size(), m.tensors().get(m.outputs()[0]).lastUse());
        assertArrayEquals(new int[] {-1, -1, -1}, c.scratchOffsets());
    }

    @Test
    void tflmFiguresAreParsedFromAGoldenReadme() {
        String readme = """
                Arena (TFLM MicroInterpreter::arena_used_bytes(), MicroAllocator with 16-byte alignment):
                  x86_64 host build (64-bit pointers): 1184 bytes
                  i386 build (32-bit pointers, closer to a 32-bit MCU): 716 bytes
                    head_bytes: 32   (i386: 32)
                """;
        ArenaReport.TflmArena t = ArenaReport.TflmArena.parse(readme).orElseThrow();
        assertEquals(32, t.headBytes());
        assertEquals(716, t.usedBytes());
        assertFalse(ArenaReport.TflmArena.parse("no figures").isPresent());
        ArenaReport.Row row = new ArenaReport.Row("m", 3, 32, java.util.Optional.of(t));
        assertEquals(1.0, row.headRatio());
        assertTrue(ArenaReport.table(List.of(row)).contains("0.061"), ArenaReport.table(List.of(row)));
    }
}
