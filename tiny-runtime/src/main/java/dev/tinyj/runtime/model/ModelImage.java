package dev.tinyj.runtime.model;

import dev.tinyj.hal.Flash;

/**
 * The TinyJ model image, read in place from flash: layout constants, {@link #validate(byte[])}
 * (run once in {@code setup()}), and accessors. Every field is a little-endian int32 at a 4-byte
 * aligned byte offset; {@code docs/model-image.md} is the full description.
 *
 * <pre>
 * header (64 bytes)          H_* offsets below
 * tensor table               tensorCount × 32 bytes, T_* offsets within an entry
 * op table                   opCount × 32 bytes, O_* offsets within an entry
 * input list, output list    int32 tensor indices
 * data section               operand lists, parameter blocks, dims, constant tensor data (each 4-aligned)
 * </pre>
 *
 * <p>Validation panics ({@code Mcu.panic(code, arg)}, never returns) with one of the
 * {@code PANIC_*} codes (0x6000..0x600D); the host-side message table is
 * {@code dev.tinyj.emulator.toolchain.image.PanicMessages}. After {@link #validate} has passed,
 * every offset the accessors and {@link OpResolver} read lies inside the image and every arena
 * range inside {@link #arenaBytes} bytes.
 */
public final class ModelImage {
    private ModelImage() {
    }

    // ---- header: byte offsets from the image start ----
    /** {@link #MAGIC}: the bytes {@code 'T' 'N' 'Y' 'J'}. */
    public static final int H_MAGIC = 0;
    /** Format version, {@link #VERSION}. */
    public static final int H_VERSION = 4;
    /** Header size in bytes, {@link #HEADER_SIZE}. */
    public static final int H_HEADER_SIZE = 8;
    /** Total image size in bytes (a multiple of 4); the flash segment may be longer. */
    public static final int H_TOTAL_SIZE = 12;
    /** Adler-32 of bytes [0, 16) then [20, total): everything but this field. */
    public static final int H_CHECKSUM = 16;
    /** Arena size in bytes the device must allocate. */
    public static final int H_ARENA_BYTES = 20;
    public static final int H_TENSOR_COUNT = 24;
    /** Image offset of the tensor table (always {@link #HEADER_SIZE}). */
    public static final int H_TENSOR_TABLE = 28;
    public static final int H_OP_COUNT = 32;
    /** Image offset of the op table (right after the tensor table). */
    public static final int H_OP_TABLE = 36;
    public static final int H_INPUT_COUNT = 40;
    /** Image offset of the input list (right after the op table). */
    public static final int H_INPUT_LIST = 44;
    public static final int H_OUTPUT_COUNT = 48;
    /** Image offset of the output list (right after the input list). */
    public static final int H_OUTPUT_LIST = 52;
    /** Image offset of the data section (right after the output list). */
    public static final int H_DATA = 56;
    /** Reserved flags, 0 in version 1. */
    public static final int H_FLAGS = 60;
    public static final int HEADER_SIZE = 64;

    /** {@code "TNYJ"} read as a little-endian int32. */
    public static final int MAGIC = 0x4A594E54;
    public static final int VERSION = 1;

    // ---- tensor table entry: byte offsets within a 32-byte entry ----
    /** {@link #ABSENT}, {@link #ARENA}, {@link #FLASH} or {@link #VARIABLE}. */
    public static final int T_PLACEMENT = 0;
    /** Arena offset (ARENA, VARIABLE) or image offset (FLASH) of the first byte; 0 when ABSENT. */
    public static final int T_OFFSET = 4;
    /** Size in bytes (0 when ABSENT). */
    public static final int T_BYTES = 8;
    /** TFLite {@code TensorType} code (INT8 9, INT32 2, FLOAT32 0, ...). */
    public static final int T_DTYPE = 12;
    /** Number of dimensions, 0..{@link #MAX_RANK}. */
    public static final int T_RANK = 16;
    /** Image offset of {@code rank} int32 dims in the data section (0 when rank is 0). */
    public static final int T_DIMS = 20;
    /** Zero point (first channel's when per-channel; 0 when not quantized). */
    public static final int T_ZERO_POINT = 24;
    /** Scale as float32 bits (first channel's; 0 when not quantized). */
    public static final int T_SCALE_BITS = 28;
    public static final int TENSOR_ENTRY = 32;

    public static final int ABSENT = 0;
    public static final int ARENA = 1;
    public static final int FLASH = 2;
    /**
     * A variable tensor (TFLite {@code is_variable}: SVDF's activation state, LSTM's output and
     * cell state): in the arena's persistent region, which the host plans after the reused one and
     * shares with nothing; reset by {@link ModelRunner#resetVariables} in {@code setup()} and kept
     * from one inference to the next. Only a state operand ({@link #O_FLAGS}) may name one: the
     * kernel that owns it reads and writes it (its bridge passes the arena without asking
     * {@link #array}).
     */
    public static final int VARIABLE = 3;

    // ---- op table entry: byte offsets within a 32-byte entry ----
    /** Runtime op code, 1..{@link #MAX_OP_CODE} (the host's {@code OpTable} assigns them). */
    public static final int O_CODE = 0;
    /**
     * Bit 0 {@link #FLAG_IN_PLACE}; bits {@link #FLAG_STATE_SHIFT}..31 the op's state operands
     * (bit {@code FLAG_STATE_SHIFT + k}: the kernel reads and writes operand {@code k}, which must
     * be a {@link #VARIABLE} tensor; no other operand may be one), written by the host from the
     * op's declaration; bits 1..7 are 0.
     */
    public static final int O_FLAGS = 4;
    /** Image offset of the parameter block (4-aligned). */
    public static final int O_PARAMS = 8;
    /** Parameter block length in bytes. */
    public static final int O_PARAMS_BYTES = 12;
    /** Number of operands (TFLite inputs, optional ones included as -1). */
    public static final int O_OPERAND_COUNT = 16;
    /** Image offset of the operand list: {@code count} int32 tensor indices, -1 = absent. */
    public static final int O_OPERANDS = 20;
    /** Output tensor index (an ARENA tensor). */
    public static final int O_OUTPUT = 24;
    /**
     * The op's operand rule, written by the host from the op's declaration: bits 0..7 the least
     * operand count, 8..14 the most ({@code <=} {@link #MAX_OPERANDS}), bit 15
     * {@link #RULE_IN_PLACE}, bits 16..31 a mask of the operands the kernel reads (these must be
     * present: ARENA or FLASH).
     */
    public static final int O_RULE = 28;
    public static final int OP_ENTRY = 32;

    /** The output aliases operand 0 in the arena: the runner skips the op (RESHAPE). */
    public static final int FLAG_IN_PLACE = 1;

    /** First bit of the state-operand mask in {@link #O_FLAGS}: operands 0..23 may be state operands. */
    public static final int FLAG_STATE_SHIFT = 8;

    /** Rule bit: the op may carry {@link #FLAG_IN_PLACE}. */
    public static final int RULE_IN_PLACE = 1 << 15;

    /** Largest op code an image may hold; which codes a firmware resolves is its OpResolver's business. */
    public static final int MAX_OP_CODE = 255;

    public static final int MAX_RANK = 8;
    public static final int MAX_OPERANDS = 16;

    // ---- panic codes (Mcu.panic(code, arg)) ----
    /** {@code Flash.segment} gave null: no image bound. arg 0. */
    public static final int PANIC_NO_IMAGE = 0x6000;
    /** Image shorter than its header or its declared total size. arg = image length (first missing byte). */
    public static final int PANIC_TRUNCATED = 0x6001;
    /** Not a TinyJ image. arg = the int32 read at offset 0. */
    public static final int PANIC_BAD_MAGIC = 0x6002;
    /** Unsupported format version. arg = the version read. */
    public static final int PANIC_BAD_VERSION = 0x6003;
    /** A header field is inconsistent. arg = its byte offset in the header. */
    public static final int PANIC_BAD_HEADER = 0x6004;
    /** Checksum mismatch. arg = the checksum computed over the image. */
    public static final int PANIC_CHECKSUM = 0x6005;
    /** A tensor table entry is inconsistent. arg = tensor index. */
    public static final int PANIC_BAD_TENSOR = 0x6006;
    /** An op table entry (flags, rule, params range, in-place) is inconsistent. arg = op index. */
    public static final int PANIC_BAD_OP = 0x6007;
    /** Op code outside 1..{@link #MAX_OP_CODE}. arg = op index. */
    public static final int PANIC_UNKNOWN_OP = 0x6008;
    /** Operand count, operand index or output index invalid. arg = op index. */
    public static final int PANIC_BAD_OPERAND = 0x6009;
    /** Input list entry not an ARENA tensor. arg = position in the input list. */
    public static final int PANIC_BAD_INPUT = 0x600A;
    /** Output list entry not an ARENA tensor. arg = position in the output list. */
    public static final int PANIC_BAD_OUTPUT = 0x600B;
    /** The arena passed to the runner is smaller than {@link #arenaBytes}. arg = its length. */
    public static final int PANIC_ARENA_TOO_SMALL = 0x600C;
    /** The op resolver has no case for this op code. arg = op code. */
    public static final int PANIC_OP_NOT_RESOLVED = 0x600D;

    /**
     * Checks {@code image} completely (header, checksum, every table entry and range) and
     * returns normally only when it is sound; otherwise {@code Mcu.panic} with a {@code PANIC_*}
     * code. Costs one pass over the image (Adler-32) plus one over the tables.
     */
    public static void validate(byte[] image) {
        ImageChecks.header(image);
        ImageChecks.checksum(image);
        ImageChecks.layout(image);
        int n = tensorCount(image);
        for (int t = 0; t < n; t++) {
            ImageChecks.tensor(image, t);
        }
        n = opCount(image);
        for (int i = 0; i < n; i++) {
            ImageChecks.op(image, i);
        }
        ImageChecks.io(image);
    }

    /**
     * Adler-32 (RFC 1950) of {@code b[from..to)} continuing from {@code adler} (1 to start). Sums
     * are reduced every {@link #ADLER_BLOCK} bytes so they stay below 2^31 in a signed int.
     */
    public static int adler32(int adler, byte[] b, int from, int to) {
        int a = adler & 0xFFFF;
        int s = adler >>> 16;
        int i = from;
        while (i < to) {
            int end = Math.min(to, i + ADLER_BLOCK);
            for (; i < end; i++) {
                a += b[i] & 0xFF;
                s += a;
            }
            a %= ADLER_MOD;
            s %= ADLER_MOD;
        }
        return s << 16 | a;
    }

    /** Adler-32 modulus: the largest prime below 2^16. */
    public static final int ADLER_MOD = 65521;
    /**
     * Bytes between reductions: after n bytes the second sum is at most
     * 65520 + n·65520 + 255·n(n+1)/2, which for n = 3800 is 2 090 626 020 &lt; 2^31.
     */
    public static final int ADLER_BLOCK = 3800;

    /** The image's checksum as stored and as {@link #validate} recomputes it. */
    public static int computeChecksum(byte[] image, int total) {
        int c = adler32(1, image, 0, H_CHECKSUM);
        return adler32(c, image, H_CHECKSUM + 4, total);
    }

    // ---- accessors (valid after validate) ----

    /** Arena size in bytes. */
    public static int arenaBytes(byte[] image) {
        return Flash.readInt(image, H_ARENA_BYTES);
    }

    public static int tensorCount(byte[] image) {
        return Flash.readInt(image, H_TENSOR_COUNT);
    }

    public static int opCount(byte[] image) {
        return Flash.readInt(image, H_OP_COUNT);
    }

    public static int inputCount(byte[] image) {
        return Flash.readInt(image, H_INPUT_COUNT);
    }

    public static int outputCount(byte[] image) {
        return Flash.readInt(image, H_OUTPUT_COUNT);
    }

    /** Image offset of tensor {@code t}'s table entry. */
    public static int tensorEntry(byte[] image, int t) {
        return Flash.readInt(image, H_TENSOR_TABLE) + t * TENSOR_ENTRY;
    }

    /** Image offset of op {@code i}'s table entry. */
    public static int opEntry(byte[] image, int i) {
        return Flash.readInt(image, H_OP_TABLE) + i * OP_ENTRY;
    }

    /** Tensor index of model input {@code k}. */
    public static int inputTensor(byte[] image, int k) {
        return Flash.readInt(image, Flash.readInt(image, H_INPUT_LIST) + 4 * k);
    }

    /** Tensor index of model output {@code k}. */
    public static int outputTensor(byte[] image, int k) {
        return Flash.readInt(image, Flash.readInt(image, H_OUTPUT_LIST) + 4 * k);
    }

    /** Field {@code field} ({@code T_*}) of tensor {@code t}. */
    public static int tensorField(byte[] image, int t, int field) {
        return Flash.readInt(image, tensorEntry(image, t) + field);
    }

    /** Arena offset of model input {@code k}. */
    public static int inputOffset(byte[] image, int k) {
        return tensorField(image, inputTensor(image, k), T_OFFSET);
    }

    /** Size in bytes of model input {@code k}. */
    public static int inputBytes(byte[] image, int k) {
        return tensorField(image, inputTensor(image, k), T_BYTES);
    }

    /** TFLite type code of model input {@code k}. */
    public static int inputType(byte[] image, int k) {
        return tensorField(image, inputTensor(image, k), T_DTYPE);
    }

    /** Arena offset of model output {@code k}. */
    public static int outputOffset(byte[] image, int k) {
        return tensorField(image, outputTensor(image, k), T_OFFSET);
    }

    /** Size in bytes of model output {@code k}. */
    public static int outputBytes(byte[] image, int k) {
        return tensorField(image, outputTensor(image, k), T_BYTES);
    }

    /** TFLite type code of model output {@code k}. */
    public static int outputType(byte[] image, int k) {
        return tensorField(image, outputTensor(image, k), T_DTYPE);
    }

    // ---- operand resolution for OpResolver (valid after validate) ----

    /**
     * Image offset of the tensor entry of operand {@code k} of the op at {@code opEntry}, or -1
     * when the operand is absent (-1) or {@code k} is past the operand count.
     */
    public static int operandEntry(byte[] image, int opEntry, int k) {
        if (k >= Flash.readInt(image, opEntry + O_OPERAND_COUNT)) {
            return -1;
        }
        int t = Flash.readInt(image, Flash.readInt(image, opEntry + O_OPERANDS) + 4 * k);
        return t < 0 ? -1 : tensorEntry(image, t);
    }

    /** The array operand {@code k} lives in: {@code arena} (ARENA), {@code image} (FLASH), or null (absent). */
    public static byte[] array(byte[] image, int opEntry, int k, byte[] arena) {
        int e = operandEntry(image, opEntry, k);
        if (e < 0) {
            return null;
        }
        int placement = Flash.readInt(image, e + T_PLACEMENT);
        return placement == ARENA ? arena : placement == FLASH ? image : null;
    }

    /** Offset of operand {@code k} in {@link #array}'s array (0 when absent). */
    public static int offset(byte[] image, int opEntry, int k) {
        int e = operandEntry(image, opEntry, k);
        return e < 0 ? 0 : Flash.readInt(image, e + T_OFFSET);
    }

    /** Number of operands of the op at {@code opEntry}. */
    public static int operandCount(byte[] image, int opEntry) {
        return Flash.readInt(image, opEntry + O_OPERAND_COUNT);
    }

    /** Image offset of the op's parameter block. */
    public static int params(byte[] image, int opEntry) {
        return Flash.readInt(image, opEntry + O_PARAMS);
    }

    /** Arena offset of the op's output. */
    public static int outputOffsetOf(byte[] image, int opEntry) {
        return tensorField(image, Flash.readInt(image, opEntry + O_OUTPUT), T_OFFSET);
    }
}
