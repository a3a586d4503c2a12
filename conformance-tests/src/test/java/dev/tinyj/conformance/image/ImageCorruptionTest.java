package dev.tinyj.conformance.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tinyj.emulator.toolchain.image.ImageReader;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.image.PanicMessages;
import dev.tinyj.hal.McuStop;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Corrupt images are caught by {@link ModelImage#validate} with the documented panic code, and
 * never by a host exception such as ArrayIndexOutOfBoundsException: every single-byte change
 * (all 255 XOR masks) of every header and table byte, every bit of the data section, every
 * truncation, and targeted edits re-sealed with a fresh checksum so they reach the structural
 * checks.
 */
class ImageCorruptionTest {
    private static byte[] image;
    private static ImageReader.Image decoded;

    @BeforeAll
    static void write() throws Exception {
        image = ImageWriter.write(HandModel.model());
        decoded = ImageReader.read(image);
    }

    /** The panic {@code validate} raises on {@code bytes}, or null when it passes. */
    static McuStop panicOf(byte[] bytes) {
        try {
            ModelImage.validate(bytes);
            return null;
        } catch (McuStop s) {
            return s;
        } catch (RuntimeException e) {
            throw new AssertionError("validate threw " + e + " instead of panicking", e);
        }
    }

    static void assertPanics(byte[] bytes, int code, int arg, String what) {
        McuStop s = panicOf(bytes);
        if (s == null) {
            fail(what + ": validate passed");
        }
        assertEquals(Integer.toHexString(code), Integer.toHexString(s.code()), what + ": " + s.getMessage());
        assertEquals(arg, s.arg(), what + ": arg");
    }

    @Test
    void theWrittenImagePassesAndRunsLikeTheKernels() throws Exception {
        assertTrue(panicOf(image) == null);
        byte[] input = HandModel.floats(0.3f, -1.2f, 2.5f, 0.0f);
        assertArrayEquals(HandModel.reference(HandModel.model(), input), HostRun.run(image, input));
        // a longer flash segment (erase padding after the image) is accepted
        assertTrue(panicOf(Arrays.copyOf(image, image.length + 64)) == null);
    }

    @Test
    void everySingleByteChangeInHeaderAndTablesIsCaught() {
        TreeMap<String, Integer> byCode = new TreeMap<>();
        int total = decoded.dataOffset();
        for (int off = 0; off < total; off++) {
            for (int mask = 1; mask < 256; mask++) {
                byte[] b = image.clone();
                b[off] ^= (byte) mask;
                McuStop s = panicOf(b);
                if (s == null) {
                    fail("byte " + off + " ^ " + mask + " passed validate");
                }
                Set<Integer> allowed = expectedCodes(off);
                assertTrue(allowed.contains(s.code()), "byte " + off + " ^ " + mask + ": " + PanicMessages.format(
                        s.code(), s.arg()));
                byCode.merge(PanicMessages.format(s.code(), 0).replaceAll(".*\\[", "["), 1, Integer::sum);
            }
        }
        assertTrue(byCode.size() >= 4, byCode.toString());
    }

    /** What a change at header byte {@code off} may give; past the header only the checksum sees it. */
    private static Set<Integer> expectedCodes(int off) {
        if (off < ModelImage.H_VERSION) {
            return Set.of(ModelImage.PANIC_BAD_MAGIC);
        } else if (off < ModelImage.H_HEADER_SIZE) {
            return Set.of(ModelImage.PANIC_BAD_VERSION);
        } else if (off < ModelImage.H_TOTAL_SIZE) {
            return Set.of(ModelImage.PANIC_BAD_HEADER);
        } else if (off < ModelImage.H_CHECKSUM) {
            return Set.of(ModelImage.PANIC_BAD_HEADER, ModelImage.PANIC_TRUNCATED, ModelImage.PANIC_CHECKSUM);
        }
        return Set.of(ModelImage.PANIC_CHECKSUM);
    }

    @Test
    void everyBitFlipInTheDataSectionIsCaughtByTheChecksum() {
        for (int off = decoded.dataOffset(); off < image.length; off++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] b = image.clone();
                b[off] ^= (byte) (1 << bit);
                McuStop s = panicOf(b);
                assertTrue(s != null && s.code() == ModelImage.PANIC_CHECKSUM, "byte " + off + " bit " + bit);
            }
        }
    }

    @Test
    void everyTruncationIsReportedWithTheLengthPresent() {
        for (int n = 0; n < image.length; n++) {
            assertPanics(Arrays.copyOf(image, n), ModelImage.PANIC_TRUNCATED, n, "truncated to " + n);
        }
        assertPanics(null, ModelImage.PANIC_NO_IMAGE, 0, "null");
    }

    @Test
    void resealedHeaderEditsHitTheirField() {
        int[][] edits = {
            {ModelImage.H_FLAGS, 1, ModelImage.H_FLAGS},
            {ModelImage.H_ARENA_BYTES, -1, ModelImage.H_ARENA_BYTES},
            {ModelImage.H_TENSOR_TABLE, 68, ModelImage.H_TENSOR_TABLE},
            {ModelImage.H_TENSOR_COUNT, 1 << 28, ModelImage.H_TENSOR_COUNT},
            {ModelImage.H_TENSOR_COUNT, -1, ModelImage.H_TENSOR_COUNT},
            {ModelImage.H_OP_COUNT, 1 << 30, ModelImage.H_OP_COUNT},
            {ModelImage.H_OP_TABLE, 0, ModelImage.H_OP_TABLE},
            {ModelImage.H_INPUT_LIST, -4, ModelImage.H_INPUT_LIST},
            {ModelImage.H_OUTPUT_COUNT, Integer.MAX_VALUE, ModelImage.H_OUTPUT_COUNT},
            {ModelImage.H_DATA, 1 << 20, ModelImage.H_DATA},
            {ModelImage.H_TOTAL_SIZE, 63, ModelImage.H_TOTAL_SIZE},
            {ModelImage.H_TOTAL_SIZE, -8, ModelImage.H_TOTAL_SIZE},
        };
        for (int[] e : edits) {
            assertPanics(sealed(e[0], e[1]), ModelImage.PANIC_BAD_HEADER, e[2], "header " + e[0] + " = " + e[1]);
        }
        assertPanics(sealed(ModelImage.H_TOTAL_SIZE, image.length + 4), ModelImage.PANIC_TRUNCATED, image.length,
                "total size past the end");
        assertPanics(sealed(ModelImage.H_MAGIC, 0x4A594E55), ModelImage.PANIC_BAD_MAGIC, 0x4A594E55, "magic");
        assertPanics(sealed(ModelImage.H_VERSION, 2), ModelImage.PANIC_BAD_VERSION, 2, "version");
        byte[] b = image.clone();
        b[ModelImage.H_CHECKSUM] ^= 1;
        assertPanics(b, ModelImage.PANIC_CHECKSUM, ImageWriter.checksum(image, image.length), "checksum");
    }

    @Test
    void resealedTableEditsNameTheTensorOpOrListEntry() {
        int tensor = tensorField(4, 0); // the FLASH constant
        int arenaBytes = decoded.arenaBytes();
        assertPanics(sealed(tensorField(1, ModelImage.T_OFFSET), arenaBytes - 3), ModelImage.PANIC_BAD_TENSOR, 1,
                "arena tensor past the arena end");
        assertPanics(sealed(tensorField(1, ModelImage.T_OFFSET), -1), ModelImage.PANIC_BAD_TENSOR, 1, "negative");
        assertPanics(sealed(tensorField(1, ModelImage.T_PLACEMENT), 4), ModelImage.PANIC_BAD_TENSOR, 1, "placement");
        assertPanics(sealed(tensorField(1, ModelImage.T_BYTES), 5), ModelImage.PANIC_BAD_TENSOR, 1, "bytes ≠ dims");
        assertPanics(sealed(tensorField(1, ModelImage.T_DTYPE), 5), ModelImage.PANIC_BAD_TENSOR, 1, "STRING dtype");
        assertPanics(sealed(tensorField(1, ModelImage.T_RANK), 9), ModelImage.PANIC_BAD_TENSOR, 1, "rank 9");
        assertPanics(sealed(tensorField(1, ModelImage.T_DIMS), 8), ModelImage.PANIC_BAD_TENSOR, 1, "dims in header");
        assertPanics(sealed(tensor + ModelImage.T_OFFSET, image.length - 2), ModelImage.PANIC_BAD_TENSOR, 4,
                "flash data past the end");
        assertPanics(sealed(tensor + ModelImage.T_OFFSET, decoded.tensors().get(4).offset() + 1),
                ModelImage.PANIC_BAD_TENSOR, 4, "misaligned flash data");
        assertPanics(sealed(tensorField(2, ModelImage.T_OFFSET), 4), ModelImage.PANIC_BAD_TENSOR, 2,
                "absent with an offset");

        assertPanics(sealed(opField(2, ModelImage.O_CODE), 0), ModelImage.PANIC_UNKNOWN_OP, 2, "op code 0");
        assertPanics(sealed(opField(2, ModelImage.O_CODE), ModelImage.MAX_OP_CODE + 1), ModelImage.PANIC_UNKNOWN_OP, 2,
                "op code past MAX_OP_CODE");
        assertPanics(sealed(opField(2, ModelImage.O_FLAGS), 2), ModelImage.PANIC_BAD_OP, 2, "unknown flag");
        assertPanics(sealed(opField(2, ModelImage.O_FLAGS), 1), ModelImage.PANIC_BAD_OP, 2, "ADD in place");
        assertPanics(sealed(opField(3, ModelImage.O_RULE), 7), ModelImage.PANIC_BAD_OP, 3, "rule: least > most");
        assertPanics(sealed(opField(3, ModelImage.O_RULE), 1 | 17 << 8), ModelImage.PANIC_BAD_OP, 3,
                "rule: most > MAX_OPERANDS");
        assertPanics(sealed(opField(2, ModelImage.O_RULE), 3 | 3 << 8 | 0x3 << 16), ModelImage.PANIC_BAD_OPERAND, 2,
                "rule: ADD's 2 operands against a rule of 3");
        assertPanics(sealed(opField(0, ModelImage.O_PARAMS), image.length + 4), ModelImage.PANIC_BAD_OP, 0, "params");
        assertPanics(sealed(opField(0, ModelImage.O_PARAMS_BYTES), image.length), ModelImage.PANIC_BAD_OP, 0, "len");
        assertPanics(sealed(opField(0, ModelImage.O_PARAMS), ModelImage.HEADER_SIZE), ModelImage.PANIC_BAD_OP, 0,
                "params in the tables");
        assertPanics(sealed(opField(2, ModelImage.O_OPERAND_COUNT), 3), ModelImage.PANIC_BAD_OPERAND, 2, "ADD/3");
        assertPanics(sealed(opField(2, ModelImage.O_OPERANDS), image.length), ModelImage.PANIC_BAD_OPERAND, 2,
                "operand list past the end");
        int list = dev.tinyj.hal.Flash.readInt(image, opField(2, ModelImage.O_OPERANDS));
        assertPanics(sealed(list, 7), ModelImage.PANIC_BAD_OPERAND, 2, "operand index = tensor count");
        assertPanics(sealed(list, -2), ModelImage.PANIC_BAD_OPERAND, 2, "operand index -2");
        assertPanics(sealed(list, 2), ModelImage.PANIC_BAD_OPERAND, 2, "required operand ABSENT");
        assertPanics(sealed(list, -1), ModelImage.PANIC_BAD_OPERAND, 2, "required operand -1");
        assertPanics(sealed(opField(2, ModelImage.O_OUTPUT), 4), ModelImage.PANIC_BAD_OPERAND, 2, "output in flash");
        assertPanics(sealed(opField(2, ModelImage.O_OUTPUT), 7), ModelImage.PANIC_BAD_OPERAND, 2, "output index");
        assertPanics(sealed(tensorField(3, ModelImage.T_OFFSET), 20), ModelImage.PANIC_BAD_OP, 1,
                "in place but not aliased");

        int inputList = dev.tinyj.hal.Flash.readInt(image, ModelImage.H_INPUT_LIST);
        assertPanics(sealed(inputList, 4), ModelImage.PANIC_BAD_INPUT, 0, "input in flash");
        assertPanics(sealed(inputList, 70), ModelImage.PANIC_BAD_INPUT, 0, "input index");
        assertPanics(sealed(inputList + 4, 2), ModelImage.PANIC_BAD_OUTPUT, 0, "output absent");
    }

    @Test
    void everyResealedByteChangeOfTheTablesPanicsOrPassesButNeverThrows() {
        for (int off = ModelImage.H_ARENA_BYTES; off < decoded.dataOffset(); off++) {
            for (int mask = 1; mask < 256; mask++) {
                byte[] b = image.clone();
                b[off] ^= (byte) mask;
                ImageWriter.seal(b);
                McuStop s = panicOf(b);
                assertTrue(s == null || PanicMessages.template(s.code()).isPresent(), "byte " + off);
            }
        }
    }

    @Test
    void theRunnerRefusesASmallArena() {
        McuStop s = assertThrows(McuStop.class, () -> ModelRunner.invoke(image, new byte[decoded.arenaBytes() - 1]));
        assertEquals(ModelImage.PANIC_ARENA_TOO_SMALL, s.code());
        assertEquals(decoded.arenaBytes() - 1, s.arg());
    }

    @Test
    void everyPanicCodeHasAMessage() throws Exception {
        int codes = 0;
        for (Field f : ModelImage.class.getFields()) {
            if (f.getName().startsWith("PANIC_") && Modifier.isStatic(f.getModifiers())) {
                int code = f.getInt(null);
                assertTrue(PanicMessages.template(code).isPresent(), f.getName());
                assertTrue(PanicMessages.format(code, 5).contains(String.format("0x%04x", code)), f.getName());
                codes++;
            }
        }
        assertEquals(14, codes);
        assertTrue(PanicMessages.format(0x1234, 1).contains("unknown"));
    }

    private static int tensorField(int t, int field) {
        return ModelImage.HEADER_SIZE + t * ModelImage.TENSOR_ENTRY + field;
    }

    private static int opField(int i, int field) {
        return ModelImage.HEADER_SIZE + decoded.tensors().size() * ModelImage.TENSOR_ENTRY + i * ModelImage.OP_ENTRY
                + field;
    }

    /** A copy of the image with the int32 at {@code off} set to {@code value} and the checksum recomputed. */
    private static byte[] sealed(int off, int value) {
        byte[] b = image.clone();
        b[off] = (byte) value;
        b[off + 1] = (byte) (value >> 8);
        b[off + 2] = (byte) (value >> 16);
        b[off + 3] = (byte) (value >> 24);
        ImageWriter.seal(b);
        return b;
    }
}
