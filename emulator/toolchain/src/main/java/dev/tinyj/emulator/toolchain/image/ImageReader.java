package dev.tinyj.emulator.toolchain.image;

import dev.tinyj.runtime.model.ModelImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Host-side decoder of a model image, for tests and {@code inspect}: the header fields, every
 * tensor and op entry as records, and a text dump. It trusts nothing: a field that points outside
 * the image gives an {@link IllegalArgumentException} naming the byte offset. It does not replace
 * {@link ModelImage#validate}, which is the authority on what the device accepts.
 */
public final class ImageReader {
    private ImageReader() {
    }

    /**
     * One tensor table entry.
     *
     * @param placement {@link ModelImage#ABSENT}, {@link ModelImage#ARENA}, {@link ModelImage#FLASH} or
     *     {@link ModelImage#VARIABLE}
     * @param offset arena offset (ARENA, VARIABLE) or image offset (FLASH)
     * @param bytes size in bytes
     * @param dtype TFLite TensorType code
     * @param shape dims
     * @param zeroPoint first zero point
     * @param scale first scale
     */
    public record Tensor(int placement, int offset, int bytes, int dtype, int[] shape, int zeroPoint, float scale) {
    }

    /**
     * One op table entry.
     *
     * @param opCode runtime op code
     * @param flags {@link ModelImage#FLAG_IN_PLACE} or 0
     * @param paramsOffset image offset of the parameter block
     * @param params the parameter block
     * @param operands operand tensor indices (-1 absent)
     * @param output output tensor index
     * @param rule the operand rule word ({@link ModelImage#O_RULE})
     */
    public record Op(int opCode, int flags, int paramsOffset, byte[] params, int[] operands, int output, int rule) {
    }

    /**
     * A decoded image.
     *
     * @param version format version
     * @param totalSize declared total size
     * @param checksum stored checksum
     * @param arenaBytes arena size
     * @param dataOffset start of the data section
     * @param tensors tensor table
     * @param ops op table
     * @param inputs input tensor indices
     * @param outputs output tensor indices
     */
    public record Image(int version, int totalSize, int checksum, int arenaBytes, int dataOffset,
            List<Tensor> tensors, List<Op> ops, int[] inputs, int[] outputs) {
    }

    /** Decodes {@code image}. */
    public static Image read(byte[] image) {
        Reader r = new Reader(image);
        if (r.i(ModelImage.H_MAGIC) != ModelImage.MAGIC) {
            throw new IllegalArgumentException("not a TinyJ model image (no TNYJ magic at offset 0)");
        }
        List<Tensor> tensors = new ArrayList<>();
        int tt = r.i(ModelImage.H_TENSOR_TABLE);
        for (int t = 0; t < r.count(ModelImage.H_TENSOR_COUNT); t++) {
            int e = tt + t * ModelImage.TENSOR_ENTRY;
            int rank = r.i(e + ModelImage.T_RANK);
            int[] shape = r.ints(r.i(e + ModelImage.T_DIMS), rank);
            tensors.add(new Tensor(r.i(e + ModelImage.T_PLACEMENT), r.i(e + ModelImage.T_OFFSET),
                    r.i(e + ModelImage.T_BYTES), r.i(e + ModelImage.T_DTYPE), shape, r.i(e + ModelImage.T_ZERO_POINT),
                    Float.intBitsToFloat(r.i(e + ModelImage.T_SCALE_BITS))));
        }
        List<Op> ops = new ArrayList<>();
        int ot = r.i(ModelImage.H_OP_TABLE);
        for (int i = 0; i < r.count(ModelImage.H_OP_COUNT); i++) {
            int e = ot + i * ModelImage.OP_ENTRY;
            int p = r.i(e + ModelImage.O_PARAMS);
            ops.add(new Op(r.i(e + ModelImage.O_CODE), r.i(e + ModelImage.O_FLAGS), p,
                    r.bytes(p, r.i(e + ModelImage.O_PARAMS_BYTES)),
                    r.ints(r.i(e + ModelImage.O_OPERANDS), r.i(e + ModelImage.O_OPERAND_COUNT)),
                    r.i(e + ModelImage.O_OUTPUT), r.i(e + ModelImage.O_RULE)));
        }
        return new Image(r.i(ModelImage.H_VERSION), r.i(ModelImage.H_TOTAL_SIZE), r.i(ModelImage.H_CHECKSUM),
                r.i(ModelImage.H_ARENA_BYTES), r.i(ModelImage.H_DATA), tensors, ops,
                r.ints(r.i(ModelImage.H_INPUT_LIST), r.count(ModelImage.H_INPUT_COUNT)),
                r.ints(r.i(ModelImage.H_OUTPUT_LIST), r.count(ModelImage.H_OUTPUT_COUNT)));
    }

    /** A text dump: header, one line per tensor and per op. */
    public static String describe(byte[] image) {
        Image m = read(image);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("TinyJ model image v%d: %d bytes, arena %d bytes, checksum %08x, data at %d%n",
                m.version(), m.totalSize(), m.arenaBytes(), m.checksum(), m.dataOffset()));
        sb.append("inputs ").append(Arrays.toString(m.inputs())).append(", outputs ")
                .append(Arrays.toString(m.outputs())).append('\n');
        for (int t = 0; t < m.tensors().size(); t++) {
            Tensor x = m.tensors().get(t);
            String where = switch (x.placement()) {
                case ModelImage.ARENA -> "arena@" + x.offset();
                case ModelImage.FLASH -> "flash@" + x.offset();
                case ModelImage.VARIABLE -> "variable@" + x.offset();
                default -> "absent";
            };
            sb.append(String.format("  t%-3d %-12s %6d B  type %2d  shape %s  zp %d  scale %s%n", t, where,
                    x.bytes(), x.dtype(), Arrays.toString(x.shape()), x.zeroPoint(), x.scale()));
        }
        for (int i = 0; i < m.ops().size(); i++) {
            Op o = m.ops().get(i);
            sb.append(String.format("  op%-3d code %2d%s  params@%d (%d B)  operands %s -> t%d%n", i, o.opCode(),
                    (o.flags() & ModelImage.FLAG_IN_PLACE) != 0 ? " in-place" : "", o.paramsOffset(),
                    o.params().length, Arrays.toString(o.operands()), o.output()));
        }
        return sb.toString();
    }

    /** Bounds-checked little-endian reads. */
    private record Reader(byte[] b) {
        int i(int off) {
            if (off < 0 || off > b.length - 4) {
                throw new IllegalArgumentException("field at byte offset " + off + " is outside the "
                        + b.length + "-byte image");
            }
            return new LeBuffer(b).getInt(off);
        }

        int count(int field) {
            int n = i(field);
            if (n < 0 || n > b.length) {
                throw new IllegalArgumentException("count " + n + " at byte offset " + field + " is impossible");
            }
            return n;
        }

        int[] ints(int off, int n) {
            if (n < 0 || n > b.length / 4) {
                throw new IllegalArgumentException("list of " + n + " ints at byte offset " + off + " is impossible");
            }
            int[] v = new int[n];
            for (int k = 0; k < n; k++) {
                v[k] = i(off + 4 * k);
            }
            return v;
        }

        byte[] bytes(int off, int n) {
            if (off < 0 || n < 0 || off > b.length - n) {
                throw new IllegalArgumentException(n + " bytes at byte offset " + off + " are outside the image");
            }
            return Arrays.copyOfRange(b, off, off + n);
        }
    }
}
