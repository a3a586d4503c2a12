package dev.tinyj.runtime.model;

import dev.tinyj.hal.Flash;
import dev.tinyj.hal.Mcu;

/**
 * The steps of {@link ModelImage#validate}, in order: {@link #header}, {@link #checksum},
 * {@link #layout}, {@link #tensor} per tensor, {@link #op} per op, {@link #io}. Each either
 * returns or calls {@code Mcu.panic} (which does not return). Every read is bounds-checked
 * against what the earlier steps established, so a corrupt image never indexes outside the array.
 */
final class ImageChecks {
    private ImageChecks() {
    }

    /** Largest element count or byte size a tensor may have (2^30). */
    private static final int LIMIT = 1 << 30;

    /** Presence, magic, version, header size, total size against the array length. */
    static void header(byte[] image) {
        if (image == null) {
            Mcu.panic(ModelImage.PANIC_NO_IMAGE, 0);
        }
        if (image.length < ModelImage.HEADER_SIZE) {
            Mcu.panic(ModelImage.PANIC_TRUNCATED, image.length);
        }
        int magic = Flash.readInt(image, ModelImage.H_MAGIC);
        if (magic != ModelImage.MAGIC) {
            Mcu.panic(ModelImage.PANIC_BAD_MAGIC, magic);
        }
        int version = Flash.readInt(image, ModelImage.H_VERSION);
        if (version != ModelImage.VERSION) {
            Mcu.panic(ModelImage.PANIC_BAD_VERSION, version);
        }
        if (Flash.readInt(image, ModelImage.H_HEADER_SIZE) != ModelImage.HEADER_SIZE) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, ModelImage.H_HEADER_SIZE);
        }
        int total = Flash.readInt(image, ModelImage.H_TOTAL_SIZE);
        if (total < ModelImage.HEADER_SIZE || (total & 3) != 0) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, ModelImage.H_TOTAL_SIZE);
        }
        if (image.length < total) {
            Mcu.panic(ModelImage.PANIC_TRUNCATED, image.length);
        }
    }

    /** The stored Adler-32 equals the one computed over the image (checksum field left out). */
    static void checksum(byte[] image) {
        int c = ModelImage.computeChecksum(image, Flash.readInt(image, ModelImage.H_TOTAL_SIZE));
        if (c != Flash.readInt(image, ModelImage.H_CHECKSUM)) {
            Mcu.panic(ModelImage.PANIC_CHECKSUM, c);
        }
    }

    /** Flags, arena size, and the sections contiguous in their fixed order after the header. */
    static void layout(byte[] image) {
        int total = Flash.readInt(image, ModelImage.H_TOTAL_SIZE);
        if (Flash.readInt(image, ModelImage.H_FLAGS) != 0) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, ModelImage.H_FLAGS);
        }
        if (Flash.readInt(image, ModelImage.H_ARENA_BYTES) < 0) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, ModelImage.H_ARENA_BYTES);
        }
        int pos = section(image, ModelImage.H_TENSOR_TABLE, ModelImage.H_TENSOR_COUNT, ModelImage.HEADER_SIZE, 5,
                total);
        pos = section(image, ModelImage.H_OP_TABLE, ModelImage.H_OP_COUNT, pos, 5, total);
        pos = section(image, ModelImage.H_INPUT_LIST, ModelImage.H_INPUT_COUNT, pos, 2, total);
        pos = section(image, ModelImage.H_OUTPUT_LIST, ModelImage.H_OUTPUT_COUNT, pos, 2, total);
        if (Flash.readInt(image, ModelImage.H_DATA) != pos) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, ModelImage.H_DATA);
        }
    }

    /**
     * A section whose offset field must equal {@code pos} and whose {@code count} entries of
     * {@code 1 << shift} bytes must fit before {@code total}; returns the offset after it.
     */
    private static int section(byte[] image, int offsetField, int countField, int pos, int shift, int total) {
        if (Flash.readInt(image, offsetField) != pos) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, offsetField);
        }
        int count = Flash.readInt(image, countField);
        if (count < 0 || count > (total - pos) >> shift) {
            Mcu.panic(ModelImage.PANIC_BAD_HEADER, countField);
        }
        return pos + (count << shift);
    }

    /** Whether {@code [off, off + len)} lies in the data section and {@code off} is 4-aligned. */
    static boolean inData(byte[] image, int off, int len) {
        int total = Flash.readInt(image, ModelImage.H_TOTAL_SIZE);
        return off >= Flash.readInt(image, ModelImage.H_DATA) && (off & 3) == 0 && len >= 0 && off <= total
                && len <= total - off;
    }

    /**
     * Tensor {@code t}: placement, dims, byte size = elements × element size, range in arena
     * (ARENA, VARIABLE) or image (FLASH).
     */
    static void tensor(byte[] image, int t) {
        int e = ModelImage.tensorEntry(image, t);
        int placement = Flash.readInt(image, e + ModelImage.T_PLACEMENT);
        int off = Flash.readInt(image, e + ModelImage.T_OFFSET);
        int bytes = Flash.readInt(image, e + ModelImage.T_BYTES);
        int rank = Flash.readInt(image, e + ModelImage.T_RANK);
        int dims = Flash.readInt(image, e + ModelImage.T_DIMS);
        if (rank < 0 || rank > ModelImage.MAX_RANK) {
            Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
        }
        if (rank == 0 ? dims != 0 : !inData(image, dims, 4 * rank)) {
            Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
        }
        if (placement == ModelImage.ABSENT) {
            if (off != 0 || bytes != 0) {
                Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
            }
            return;
        }
        int elem = elementBytes(Flash.readInt(image, e + ModelImage.T_DTYPE));
        if (elem == 0) {
            Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
        }
        int count = 1;
        for (int k = 0; k < rank; k++) {
            int d = Flash.readInt(image, dims + 4 * k);
            if (d < 0 || (d != 0 && count > LIMIT / d)) {
                Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
            }
            count *= d;
        }
        if (count > LIMIT / elem || bytes != count * elem) {
            Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
        }
        if (placement == ModelImage.ARENA || placement == ModelImage.VARIABLE) {
            if (off < 0 || bytes > Flash.readInt(image, ModelImage.H_ARENA_BYTES) - off) {
                Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
            }
        } else if (placement != ModelImage.FLASH || !inData(image, off, bytes)) {
            Mcu.panic(ModelImage.PANIC_BAD_TENSOR, t);
        }
    }

    /** Bytes per element of TFLite type {@code dtype}, 0 for a type an image may not hold. */
    static int elementBytes(int dtype) {
        switch (dtype) {
            case 0: // FLOAT32
            case 2: // INT32
            case 15: // UINT32
                return 4;
            case 1: // FLOAT16
            case 7: // INT16
            case 16: // UINT16
                return 2;
            case 3: // UINT8
            case 6: // BOOL
            case 9: // INT8
                return 1;
            case 4: // INT64
            case 10: // FLOAT64
            case 12: // UINT64
                return 8;
            default:
                return 0;
        }
    }

    /**
     * Op {@code i}: code, flags, operand rule ({@link ModelImage#O_RULE}, written by the host from
     * the op's declaration), params range, operands and output, in-place consistency; an operand is
     * a VARIABLE tensor exactly when it is a state operand ({@link ModelImage#O_FLAGS} bits 8..31):
     * the only operands a kernel writes besides its output, always in the arena.
     */
    static void op(byte[] image, int i) {
        int e = ModelImage.opEntry(image, i);
        int code = Flash.readInt(image, e + ModelImage.O_CODE);
        if (code < 1 || code > ModelImage.MAX_OP_CODE) {
            Mcu.panic(ModelImage.PANIC_UNKNOWN_OP, i);
        }
        int flags = Flash.readInt(image, e + ModelImage.O_FLAGS);
        int rule = Flash.readInt(image, e + ModelImage.O_RULE);
        if ((flags & (1 << ModelImage.FLAG_STATE_SHIFT) - 2) != 0 || (rule & 0xFF) > (rule >> 8 & 0x7F)
                || (rule >> 8 & 0x7F) > ModelImage.MAX_OPERANDS) {
            Mcu.panic(ModelImage.PANIC_BAD_OP, i);
        }
        if (!inData(image, Flash.readInt(image, e + ModelImage.O_PARAMS),
                Flash.readInt(image, e + ModelImage.O_PARAMS_BYTES))) {
            Mcu.panic(ModelImage.PANIC_BAD_OP, i);
        }
        int n = Flash.readInt(image, e + ModelImage.O_OPERAND_COUNT);
        int list = Flash.readInt(image, e + ModelImage.O_OPERANDS);
        if (n < (rule & 0xFF) || n > (rule >> 8 & 0x7F) || !inData(image, list, 4 * n)) {
            Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
        }
        int tensors = ModelImage.tensorCount(image);
        for (int k = 0; k < n; k++) {
            int t = Flash.readInt(image, list + 4 * k);
            if (t < -1 || t >= tensors) {
                Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
            }
            if ((rule >>> (16 + k) & 1) != 0
                    && (t < 0 || ModelImage.tensorField(image, t, ModelImage.T_PLACEMENT) == ModelImage.ABSENT)) {
                Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
            }
            boolean state = (flags >>> (ModelImage.FLAG_STATE_SHIFT + k) & 1) != 0;
            if (state != (t >= 0 && ModelImage.tensorField(image, t, ModelImage.T_PLACEMENT) == ModelImage.VARIABLE)) {
                Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
            }
        }
        if (flags >>> ModelImage.FLAG_STATE_SHIFT >>> n != 0) {
            Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
        }
        int out = Flash.readInt(image, e + ModelImage.O_OUTPUT);
        if (out < 0 || out >= tensors
                || ModelImage.tensorField(image, out, ModelImage.T_PLACEMENT) != ModelImage.ARENA) {
            Mcu.panic(ModelImage.PANIC_BAD_OPERAND, i);
        }
        if ((flags & ModelImage.FLAG_IN_PLACE) != 0) {
            if ((rule & ModelImage.RULE_IN_PLACE) == 0 || n < 1) {
                Mcu.panic(ModelImage.PANIC_BAD_OP, i);
            }
            int in = Flash.readInt(image, list);
            if (in < 0 || ModelImage.tensorField(image, in, ModelImage.T_PLACEMENT) != ModelImage.ARENA
                    || ModelImage.tensorField(image, in, ModelImage.T_OFFSET)
                            != ModelImage.tensorField(image, out, ModelImage.T_OFFSET)) {
                Mcu.panic(ModelImage.PANIC_BAD_OP, i);
            }
        }
    }

    /** Every model input and output is an ARENA tensor. */
    static void io(byte[] image) {
        int tensors = ModelImage.tensorCount(image);
        int n = ModelImage.inputCount(image);
        for (int k = 0; k < n; k++) {
            int t = ModelImage.inputTensor(image, k);
            if (t < 0 || t >= tensors || ModelImage.tensorField(image, t, ModelImage.T_PLACEMENT) != ModelImage.ARENA) {
                Mcu.panic(ModelImage.PANIC_BAD_INPUT, k);
            }
        }
        n = ModelImage.outputCount(image);
        for (int k = 0; k < n; k++) {
            int t = ModelImage.outputTensor(image, k);
            if (t < 0 || t >= tensors || ModelImage.tensorField(image, t, ModelImage.T_PLACEMENT) != ModelImage.ARENA) {
                Mcu.panic(ModelImage.PANIC_BAD_OUTPUT, k);
            }
        }
    }
}
