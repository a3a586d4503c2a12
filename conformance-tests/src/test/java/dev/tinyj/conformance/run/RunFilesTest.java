package dev.tinyj.conformance.run;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import dev.tinyj.emulator.run.Inference;
import dev.tinyj.emulator.run.ModelBuild;
import dev.tinyj.emulator.run.Npy;
import dev.tinyj.emulator.run.TensorFiles;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code tinyj run --input} in .bin, .npy and .csv, wrong sizes and dtypes, and {@code --expect}. */
class RunFilesTest {

    static Path model;
    static float scale;
    static int zeroPoint;


    @BeforeAll
    static void helloWorld() throws Exception {
        model = Files.createTempFile("hello_world_int8", ".tflite");
        byte[] bytes;
        try (InputStream in = RunFilesTest.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            bytes = in.readAllBytes();
        }
        Files.write(model, bytes);
        var input = Inference.inputs(ModelBuild.of(bytes, "hello_world_int8")).get(0);
        scale = input.quantization().scale0();
        zeroPoint = input.quantization().zeroPoint0();
    }

    static Path file(String suffix, byte[] content) throws Exception {
        Path f = Files.createTempFile("run-files", suffix);
        Files.write(f, content);
        return f;
    }

    static Path text(String suffix, String content) throws Exception {
        return file(suffix, content.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] f32(float... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float x : v) {
            b.putFloat(x);
        }
        return b.array();
    }

    /** The output line(s) of a text report: everything between the first line and the blank line. */
    static String outputs(Outcome o) {
        assertEquals(0, o.code(), o.out() + o.err());
        String body = o.out().substring(o.out().indexOf('\n') + 1);
        return body.substring(0, body.indexOf("\n\n"));
    }

    Outcome run(Path input, String... more) {
        String[] args = new String[4 + more.length];
        args[0] = "run";
        args[1] = "--model";
        args[2] = model.toString();
        args[3] = "--input=" + input;
        System.arraycopy(more, 0, args, 4, more.length);
        return tinyj(args);
    }

    @Test
    void everyInputFormatGivesTheSameOutput() throws Exception {
        float x = 1.5f;
        byte q = (byte) (Math.round(x / scale) + zeroPoint); // x > 0: half up is half away from zero
        String bin = outputs(run(file(".bin", new byte[] {q})));
        assertTrue(bin.startsWith("output 0 'StatefulPartitionedCall:0' int8[1,1]: "), bin);
        assertEquals(bin, outputs(run(file(".npy", Npy.write("|i1", new long[] {1, 1}, new byte[] {q})))), "int8 npy");
        assertEquals(bin, outputs(run(file(".npy", Npy.write("<i1", new long[] {1}, new byte[] {q})))), "<i1 npy");
        assertEquals(bin, outputs(run(file(".npy", Npy.write("<f4", new long[] {1, 1}, f32(x))))), "float32 npy");
        assertEquals(bin, outputs(run(file(".npy", Npy.write("<f4", new long[] {}, f32(x))))), "scalar npy");
        assertEquals(bin, outputs(run(text(".csv", "1.5\n"))), "csv");
        assertEquals(bin, outputs(run(text(".csv", "# x\n 1.5e0 ,\n"))), "csv with a comment and separators");
        assertEquals(bin, outputs(run(file(".npy", npyVersion2("|i1", q)))), "npy format 2.0");
        Outcome o = run(text(".csv", "1.5"));
        assertTrue(o.out().contains("input " ) && o.out().contains(".csv"), o.out());
        assertEquals("", o.err(), "no progress line when standard error is not a terminal");
    }

    /** A format 2.0 .npy: 4-byte header length. */
    static byte[] npyVersion2(String descr, byte value) {
        String h = "{'descr': '" + descr + "', 'fortran_order': False, 'shape': (1, 1), }";
        StringBuilder sb = new StringBuilder(h);
        while ((12 + sb.length() + 1) % 64 != 0) {
            sb.append(' ');
        }
        sb.append('\n');
        byte[] hb = sb.toString().getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer b = ByteBuffer.allocate(12 + hb.length + 1).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0}).putInt(hb.length).put(hb).put(value);
        return b.array();
    }

    @Test
    void quantizationRoundsHalfAwayFromZeroAndClamps() {
        assertEquals(1, TensorFiles.quantize(0.5f, 1f, 0));
        assertEquals(-1, TensorFiles.quantize(-0.5f, 1f, 0));
        assertEquals(3, TensorFiles.quantize(2.5f, 1f, 0));
        assertEquals(-3, TensorFiles.quantize(-2.5f, 1f, 0));
        assertEquals(-125, TensorFiles.quantize(0.75f, 0.25f, -128));
        assertEquals(127, TensorFiles.quantize(1000f, 1f, 0));
        assertEquals(-128, TensorFiles.quantize(-1000f, 1f, 0));
    }

    @Test
    void wrongSizesAndDtypesExitTwoSayingExpectedAndGot() throws Exception {
        Outcome o = run(file(".npy", Npy.write("<f4", new long[] {3}, f32(1, 2, 3))));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the model takes 1 element (int8[1,1]), the file has 3 elements (float32, shape (3,))"),
                o.err());
        o = run(file(".npy", Npy.write("|u1", new long[] {1}, new byte[] {1})));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the .npy dtype is uint8; expected int8") && o.err().contains("(int8[1,1])"),
                o.err());
        o = run(file(".npy", Npy.write("<f8", new long[] {1}, new byte[8])));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the .npy dtype is float64"), o.err());
        o = run(text(".csv", "1, 2\n3\n"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the model takes 1 value (int8[1,1]), the file has 3 values"), o.err());
        o = run(text(".csv", "1.5 abc\n"));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("line 1, value 2: 'abc' is not a finite number"), o.err());
        o = run(file(".bin", new byte[2]));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("the model takes 1 input bytes (int8[1,1]), the file has 2"), o.err());
        byte[] fortran = new String(Npy.write("|i1", new long[] {1}, new byte[] {1}), StandardCharsets.ISO_8859_1)
                .replace("'fortran_order': False, ", "'fortran_order': True,  ").getBytes(StandardCharsets.ISO_8859_1);
        o = run(file(".npy", fortran));
        assertEquals(2, o.code());
        assertTrue(o.err().contains("Fortran order"), o.err());
        byte[] four = Npy.write("|i1", new long[] {4}, new byte[4]);
        o = run(file(".npy", java.util.Arrays.copyOf(four, four.length - 2)));
        assertEquals(2, o.code(), "truncated data");
        assertTrue(o.err().contains(".npy array int8(4,) needs 4 data bytes, the file has 2"), o.err());
        o = run(file(".npy", java.util.Arrays.copyOf(four, 40)));
        assertEquals(2, o.code(), "truncated header");
        assertTrue(o.err().contains("the file ends at byte 40"), o.err());
        o = run(file(".npy", "\u0093NUMPY garbage".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals(2, o.code(), o.err());
    }

    /** The output bytes of a run, from the JSON report's raw_hex. */
    static byte[] rawOutput(Outcome o) {
        Matcher m = Pattern.compile("\"raw_hex\": \"([0-9a-f]*)\"").matcher(o.out());
        assertTrue(m.find(), o.out());
        return HexFormat.of().parseHex(m.group(1));
    }

    @Test
    void expectMatchesExitsZeroAndMismatchExitsOneWithIndices() throws Exception {
        Path in = text(".csv", "0.8");
        byte[] got = rawOutput(run(in, "--format", "json"));
        assertEquals(1, got.length);
        Path same = file(".bin", got);
        Outcome o = run(in, "--expect", same.toString());
        assertEquals(0, o.code(), o.out() + o.err());
        assertTrue(o.out().contains("expect: output bytes identical to " + same), o.out());
        Path sameNpy = file(".npy", Npy.write("|i1", new long[] {1, 1}, got));
        assertEquals(0, run(in, "--expect", sameNpy.toString()).code());

        byte wrong = (byte) (got[0] ^ 1);
        Path other = file(".bin", new byte[] {wrong});
        o = run(in, "--expect", other.toString());
        assertEquals(1, o.code(), o.out() + o.err());
        String line = "output 0 'StatefulPartitionedCall:0' element 0 [0,0]: expected " + wrong + ", got "
                + got[0];
        assertTrue(o.out().contains("expect: MISMATCH: 1 of 1 output elements differ from " + other), o.out());
        assertTrue(o.out().contains(line), o.out());
        assertTrue(o.err().contains(line), o.err());
        Outcome json = run(in, "--expect", other.toString(), "--format", "json");
        assertEquals(1, json.code());
        assertTrue(json.out().contains("\"match\": false") && json.out().contains("\"differing\": 1")
                && json.out().contains("\"exit_code\": 1"), json.out());

        o = run(in, "--expect", file(".bin", new byte[3]).toString());
        assertEquals(2, o.code(), "wrong size");
        assertTrue(o.err().contains("the model has 1 output bytes (int8[1,1]), the file has 3"), o.err());
        o = run(in, "--expect", file(".npy", Npy.write("<f4", new long[] {1}, f32(0))).toString());
        assertEquals(2, o.code(), "wrong dtype");
        assertTrue(o.err().contains("the outputs are int8 (int8[1,1]), the file is float32"), o.err());
        o = run(in, "--expect", file(".npy", Npy.write("|i1", new long[] {2}, new byte[2])).toString());
        assertEquals(2, o.code(), "wrong count");
        assertTrue(o.err().contains("the model has 1 output element (int8[1,1]), the file has 2 elements"), o.err());
        assertEquals(2, run(in, "--expect", "/nope/expected.bin").code());
    }

    @Test
    void badFormatAndOutFlagsExitTwo() throws Exception {
        Outcome o = tinyj("run", "--format", "xml");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--format must be text or json"), o.err());
        o = tinyj("run", "--out", "/nope/dir/report.json");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("--out /nope/dir/report.json"), o.err());
    }
}
