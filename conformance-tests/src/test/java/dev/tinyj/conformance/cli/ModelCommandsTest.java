package dev.tinyj.conformance.cli;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The model commands in-process: run, train, compile, inspect — exit codes and what they print. */
class ModelCommandsTest {


    static Path helloWorld() throws Exception {
        Path f = Files.createTempFile("hello_world_int8", ".tflite");
        try (InputStream in = ModelCommandsTest.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            Files.write(f, in.readAllBytes());
        }
        return f;
    }

    @Test
    void runWithNoArgumentsRunsTheBundledSineModelOnTheUno() {
        Outcome o = tinyj("run");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().startsWith("tinyj run: sine_int8 on arduino-uno (atmega328p, 16 MHz), random input, seed 1"),
                o.out());
        for (String key : new String[] {"cycles ", "energy ", "MACs       288", "SRAM ", "flash ", "per op",
                "FULLY_CONNECTED", "verdict    fits arduino-uno"}) {
            assertTrue(o.out().contains(key), key + " in\n" + o.out());
        }
        assertEquals(o.out(), tinyj("run").out(), "deterministic: same report twice");
    }

    @Test
    void runRefusesBadInputFilesWithExitTwo() throws Exception {
        Outcome o = tinyj("run", "--model", helloWorld().toString(), "--board", "arduino-uno", "--input", "/nope.bin");
        assertEquals(2, o.code(), "missing input file");
        assertTrue(o.err().contains("/nope.bin"), o.err());
        Path wrong = Files.createTempFile("input", ".bin");
        Files.write(wrong, new byte[3]);
        o = tinyj("run", "--model", helloWorld().toString(), "--input", wrong.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the model takes 1 input bytes (int8[1,1]), the file has 3"), o.err());
    }

    @Test
    void runSaysWhatDoesNotFitAndExitsOne() throws Exception {
        int depth = 4000;
        var q = dev.tinyj.emulator.toolchain.graph.Quantization.perTensor(0.1f, 0);
        var i8 = dev.tinyj.emulator.toolchain.graph.DType.INT8;
        var spec = new dev.tinyj.emulator.toolchain.tflite.TfliteSpec("big", "main", java.util.List.of(
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("in", i8, new int[] {1, depth}, null, q),
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("w", i8, new int[] {8, depth},
                        new byte[8 * depth], q),
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("b",
                        dev.tinyj.emulator.toolchain.graph.DType.INT32, new int[] {8}, new byte[32],
                        dev.tinyj.emulator.toolchain.graph.Quantization.perTensor(0.01f, 0)),
                new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Tensor("out", i8, new int[] {1, 8}, null, q)),
                java.util.List.of(new dev.tinyj.emulator.toolchain.tflite.TfliteSpec.Operator("FULLY_CONNECTED",
                        new int[] {0, 1, 2}, new int[] {3}, dev.tinyj.emulator.toolchain.prepare.OpOptions.none())),
                new int[] {0}, new int[] {3});
        Path big = Files.createTempFile("big", ".tflite");
        Files.write(big, dev.tinyj.emulator.toolchain.tflite.TfliteWriter.write(spec));
        Outcome o = tinyj("run", "--model", big.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        assertTrue(o.err().contains("does not fit: arena needs 4,"), o.err());
        assertTrue(o.err().contains("arduino-uno has 2,048 B SRAM"), o.err());
        assertTrue(o.err().contains("does not fit: flash needs"), o.err());
        Outcome hyp = tinyj("run", "--model", big.toString(), "--ignore-limits");
        assertEquals(1, hyp.code(), "ran, but the ceiling is still not met: " + hyp.err());
        assertTrue(hyp.out().contains("HYPOTHETICAL") && hyp.out().contains("does NOT fit"), hyp.out());
        assertEquals(0, tinyj("run", "--model", big.toString(), "--board", "nucleo-l4r5zi").code());
    }

    @Test
    void trainSineReproducesTheBundledModel() throws Exception {
        Path out = Files.createTempFile("sine", ".tflite");
        Outcome o = tinyj("train", "sine", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("int8 0.0"), o.out());
        try (InputStream in = getClass().getResourceAsStream("/dev/tinyj/emulator/models/sine_int8.tflite")) {
            assertArrayEquals(in.readAllBytes(), Files.readAllBytes(out));
        }
        assertEquals(2, tinyj("train", "cosine", "--out", out.toString()).code());
        assertEquals(2, tinyj("train", "sine").code(), "--out is required");
    }

    @Test
    void compileWritesTheImageAndResolver() throws Exception {
        Path image = Files.createTempFile("hw", ".img");
        Path classes = Files.createTempDirectory("hwcls");
        Outcome o = tinyj("compile", "--model", helloWorld().toString(), "--out", image.toString(), "--classes",
                classes.toString());
        assertEquals(0, o.code(), o.err());
        byte[] img = Files.readAllBytes(image);
        assertEquals('T', img[0]);
        assertEquals('N', img[1]);
        assertTrue(Files.isRegularFile(classes.resolve("dev/tinyj/runtime/model/OpResolver.class")));
    }

    @Test
    void inspectPrintsTextAndJsonAndRefusesBadFiles() throws Exception {
        Outcome text = tinyj("inspect", "--model", helloWorld().toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("3 ops, 288 MACs"), text.out());
        Outcome json = tinyj("inspect", "--model", helloWorld().toString(), "--format", "json");
        assertEquals(0, json.code());
        assertTrue(json.out().contains("\"arena_bytes\": 32"), json.out());
        Path truncated = Files.createTempFile("trunc", ".tflite");
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(helloWorld()), 1000));
        Outcome bad = tinyj("inspect", "--model", truncated.toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("byte offset"), bad.err());
    }
}
