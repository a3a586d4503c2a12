package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Broken files give a {@link TfliteException} naming the file and a byte offset: never another
 * exception, never a hang. Cases are made by patching the bundled hello_world model at positions
 * found with the reader's own access layer.
 */
class MalformedFilesTest {
    private static final String NAME = "model.tflite";
    private static final Pattern MESSAGE = Pattern.compile("model\\.tflite: byte offset \\d+: .+");

    /** Reads {@code bytes}, expecting a TfliteException within 5 s; returns its message. */
    static String fails(byte[] bytes) {
        TfliteException e = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(TfliteException.class, () -> TfliteReader.read(bytes, NAME)));
        assertTrue(MESSAGE.matcher(e.getMessage()).matches(), e.getMessage());
        assertTrue(e.offset() >= 0 && e.offset() <= bytes.length, e.getMessage());
        return e.getMessage();
    }

    private static void putInt(byte[] b, int pos, int v) {
        ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(pos, v);
    }

    private static FbTable root(byte[] b) throws TfliteException {
        return new FlatBuffer(b, NAME).root("Model");
    }

    @Test
    void theBundledModelReads() throws Exception {
        assertEquals(3, TfliteReader.read(TfliteFiles.helloWorld(), NAME).main().operators().size());
    }

    @Test
    void anEmptyFileIsRejected() {
        assertEquals("model.tflite: byte offset 0: expected a flatbuffer of at least 8 bytes (root offset and file "
                + "identifier), got 0 bytes", fails(new byte[0]));
    }

    @Test
    void everyTruncationIsRejected() {
        byte[] model = TfliteFiles.helloWorld();
        for (int cut = 0; cut < model.length; cut += cut < 64 ? 1 : 7) {
            fails(java.util.Arrays.copyOf(model, cut));
        }
    }

    @Test
    void aFileWithoutTheTfl3IdentifierIsNotATfliteModel() {
        byte[] model = TfliteFiles.helloWorld();
        model[4] = 'X';
        assertEquals("model.tflite: byte offset 4: expected the TFLite file identifier \"TFL3\" at bytes 4..7, got "
                + "bytes 58 46 4c 33: not a TFLite model", fails(model));
        fails("this is a text file, not a model\n".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void version2IsRejectedAtTheVersionField() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        int at = root(model).field(0, 4, "version");
        putInt(model, at, 2);
        assertEquals("model.tflite: byte offset " + at + ": expected TFLite schema version 3, got 2", fails(model));
    }

    @Test
    void aVtableOutsideTheFileIsRejected() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        int table = root(model).position();
        putInt(model, table, -1_000_000);
        assertTrue(fails(model).contains("expected the vtable of table Model inside the file"));
        putInt(model, table, table + 1);
        fails(model);
        putInt(model, table, 0);
        assertTrue(fails(model).contains("to be an even number of bytes >= 4"));
    }

    @Test
    void aVectorOf2Pow31ElementsRunsPastTheEnd() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(model, NAME);
        FbTable root = fb.root("Model");
        int vec = fb.reference(root.field(2, 4, "subgraphs"), "subgraphs");
        putInt(model, vec, Integer.MIN_VALUE);
        assertEquals("model.tflite: byte offset " + vec + ": Model.subgraphs: vector of 2147483648 SubGraph offsets at "
                + (vec + 4) + " runs past the end of the file (size " + model.length + ")", fails(model));
    }

    @Test
    void selfNegativeAndOutsideOffsetsAreRejected() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        int field = root(model).field(2, 4, "subgraphs");
        for (int bad : new int[] {0, -4, -1, Integer.MIN_VALUE, model.length}) {
            byte[] b = model.clone();
            putInt(b, field, bad);
            fails(b);
        }
        byte[] b = model.clone();
        putInt(b, 0, -8);
        fails(b);
    }

    @Test
    void aVtableEntryOutsideItsTableIsRejected() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(model, NAME);
        FbTable root = fb.root("Model");
        int vtable = root.position() - fb.int32(root.position(), "soffset");
        ByteBuffer.wrap(model).order(ByteOrder.LITTLE_ENDIAN).putShort(vtable + 4, (short) 0x7FF0);
        assertTrue(fails(model).contains("expected field Model.version"));
    }

    @Test
    void indicesOutOfRangeAreRejected() throws Exception {
        byte[] model = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(model, NAME);
        int vec = fb.reference(fb.root("Model").field(2, 4, "subgraphs"), "subgraphs");
        FbTable sub = fb.table(fb.reference(vec + 4, "subgraph 0"), "SubGraph", 2);
        int inputs = fb.reference(sub.field(1, 4, "inputs"), "inputs");
        putInt(model, inputs + 4, 99);
        assertTrue(fails(model).contains("to be a tensor index in 0..9, got 99"));
    }

    @Test
    void aliasedOffsetsCannotAmplifyDecoding() throws Exception {
        assertEquals(2, TfliteReader.read(AliasedModel.bytes(2, 3), NAME).main().tensors().size());
        byte[] b = AliasedModel.bytes(4000, 4000);
        assertTrue(fails(b).contains("referenced about once"), "alias budget");
    }

    @Test
    void everySingleByteFlipGivesAModelOrATfliteException() {
        byte[] model = TfliteFiles.helloWorld();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < model.length; i++) {
                byte[] b = model.clone();
                b[i] ^= (byte) 0xFF;
                try {
                    TfliteReader.read(b, NAME);
                } catch (TfliteException e) {
                    assertTrue(MESSAGE.matcher(e.getMessage()).matches(), e.getMessage());
                }
            }
        });
    }
}
