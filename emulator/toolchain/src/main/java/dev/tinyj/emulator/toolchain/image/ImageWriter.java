package dev.tinyj.emulator.toolchain.image;

import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.runtime.model.ModelImage;
import java.util.List;
import java.util.zip.Adler32;

/**
 * Writes a {@link CompiledModel} as a TinyJ model image ({@code docs/model-image.md}; layout
 * constants in {@link ModelImage}). Sections in order: header, tensor table, op table, input
 * list, output list, then the data section: per op its operand list (its TFLite inputs less the
 * omitted ones, {@link dev.tinyj.emulator.toolchain.ops.Operands#inImage}) and parameter block, per
 * tensor its dims, per FLASH tensor its constant bytes, each 4-aligned (zero padding).
 *
 * <p>The writer refuses ({@link IllegalArgumentException}) a model the device would reject in a
 * way that is the compiler's fault: a FLASH tensor without data or with data of another length, an
 * ARENA or VARIABLE tensor outside the arena, an in-place op whose input and output do not share
 * an offset. Each op entry's flags carry its declaration's state operands
 * ({@link dev.tinyj.emulator.toolchain.ops.OpSpec#imageStateFlags()}).
 */
public final class ImageWriter {
    private ImageWriter() {
    }

    /** The image of {@code model}; deterministic (same model, same bytes). */
    public static byte[] write(CompiledModel model) {
        List<CompiledTensor> tensors = model.tensors();
        List<CompiledOp> ops = model.ops();
        int tensorTable = ModelImage.HEADER_SIZE;
        int opTable = tensorTable + tensors.size() * ModelImage.TENSOR_ENTRY;
        int inputList = opTable + ops.size() * ModelImage.OP_ENTRY;
        int outputList = inputList + 4 * model.inputs().length;
        int data = outputList + 4 * model.outputs().length;

        // data section layout: offsets first, bytes after
        int pos = data;
        int[] operandsAt = new int[ops.size()];
        int[] paramsAt = new int[ops.size()];
        for (int i = 0; i < ops.size(); i++) {
            CompiledOp op = ops.get(i);
            operandsAt[i] = pos;
            pos += 4 * imageOperands(op).length;
            paramsAt[i] = pos;
            pos += align(op.params().length);
        }
        int[] dimsAt = new int[tensors.size()];
        int[] dataAt = new int[tensors.size()];
        for (int t = 0; t < tensors.size(); t++) {
            CompiledTensor ct = tensors.get(t);
            check(ct.index() == t, "tensor " + t + " has index " + ct.index());
            dimsAt[t] = ct.shape().length == 0 ? 0 : pos;
            pos += 4 * ct.shape().length;
        }
        for (int t = 0; t < tensors.size(); t++) {
            CompiledTensor ct = tensors.get(t);
            if (ct.placement() == Placement.FLASH) {
                check(ct.data() != null && ct.data().length == ct.bytes(),
                        "FLASH tensor " + t + " (" + ct.name() + ") needs " + ct.bytes() + " bytes of data");
                dataAt[t] = pos;
                pos += align(ct.bytes());
            }
        }
        LeBuffer b = new LeBuffer(pos);
        b.putInt(ModelImage.H_MAGIC, ModelImage.MAGIC);
        b.putInt(ModelImage.H_VERSION, ModelImage.VERSION);
        b.putInt(ModelImage.H_HEADER_SIZE, ModelImage.HEADER_SIZE);
        b.putInt(ModelImage.H_TOTAL_SIZE, pos);
        b.putInt(ModelImage.H_ARENA_BYTES, model.arenaBytes());
        b.putInt(ModelImage.H_TENSOR_COUNT, tensors.size());
        b.putInt(ModelImage.H_TENSOR_TABLE, tensorTable);
        b.putInt(ModelImage.H_OP_COUNT, ops.size());
        b.putInt(ModelImage.H_OP_TABLE, opTable);
        b.putInt(ModelImage.H_INPUT_COUNT, model.inputs().length);
        b.putInt(ModelImage.H_INPUT_LIST, inputList);
        b.putInt(ModelImage.H_OUTPUT_COUNT, model.outputs().length);
        b.putInt(ModelImage.H_OUTPUT_LIST, outputList);
        b.putInt(ModelImage.H_DATA, data);
        for (int t = 0; t < tensors.size(); t++) {
            writeTensor(b, tensorTable + t * ModelImage.TENSOR_ENTRY, tensors.get(t), model.arenaBytes(), dimsAt[t],
                    dataAt[t]);
        }
        for (int i = 0; i < ops.size(); i++) {
            CompiledOp op = ops.get(i);
            int e = opTable + i * ModelImage.OP_ENTRY;
            check(!op.inPlace() || sharesOffset(model, op), "in-place op " + i + " (" + op.name()
                    + ") needs its input and output at the same arena offset");
            b.putInt(e + ModelImage.O_CODE, op.opCode());
            b.putInt(e + ModelImage.O_FLAGS, (op.inPlace() ? ModelImage.FLAG_IN_PLACE : 0)
                    | OpTable.spec(op.opCode()).imageStateFlags());
            b.putInt(e + ModelImage.O_PARAMS, paramsAt[i]);
            b.putInt(e + ModelImage.O_PARAMS_BYTES, op.params().length);
            int[] operands = imageOperands(op);
            b.putInt(e + ModelImage.O_OPERAND_COUNT, operands.length);
            b.putInt(e + ModelImage.O_OPERANDS, operandsAt[i]);
            b.putInt(e + ModelImage.O_OUTPUT, op.output());
            b.putInt(e + ModelImage.O_RULE, OpTable.spec(op.opCode()).imageRule());
            for (int k = 0; k < operands.length; k++) {
                b.putInt(operandsAt[i] + 4 * k, operands[k]);
            }
            b.put(paramsAt[i], op.params());
        }
        for (int k = 0; k < model.inputs().length; k++) {
            b.putInt(inputList + 4 * k, model.inputs()[k]);
        }
        for (int k = 0; k < model.outputs().length; k++) {
            b.putInt(outputList + 4 * k, model.outputs()[k]);
        }
        byte[] image = b.bytes();
        b.putInt(ModelImage.H_CHECKSUM, checksum(image, image.length));
        return image;
    }

    /**
     * Adler-32 of {@code image[0, total)} without its checksum field: java.util.zip's, independent
     * of the device's {@link ModelImage#adler32}.
     */
    public static int checksum(byte[] image, int total) {
        Adler32 a = new Adler32();
        a.update(image, 0, ModelImage.H_CHECKSUM);
        a.update(image, ModelImage.H_CHECKSUM + 4, total - ModelImage.H_CHECKSUM - 4);
        return (int) a.getValue();
    }

    /**
     * Recomputes and stores the checksum of {@code image} in place over its declared total size
     * (clamped to the array), e.g. after a deliberate edit in a test.
     */
    public static void seal(byte[] image) {
        LeBuffer b = new LeBuffer(image);
        int total = Math.max(ModelImage.H_CHECKSUM + 4, Math.min(image.length, b.getInt(ModelImage.H_TOTAL_SIZE)));
        b.putInt(ModelImage.H_CHECKSUM, checksum(image, total));
    }

    private static void writeTensor(LeBuffer b, int e, CompiledTensor t, int arenaBytes, int dimsAt, int dataAt) {
        switch (t.placement()) {
            case ARENA -> {
                check(t.arenaOffset() >= 0 && t.arenaOffset() + (long) t.bytes() <= arenaBytes, "ARENA tensor "
                        + t.index() + " (" + t.name() + ") at " + t.arenaOffset() + "+" + t.bytes()
                        + " is outside the " + arenaBytes + "-byte arena");
                b.putInt(e + ModelImage.T_PLACEMENT, ModelImage.ARENA);
                b.putInt(e + ModelImage.T_OFFSET, t.arenaOffset());
                b.putInt(e + ModelImage.T_BYTES, t.bytes());
            }
            case FLASH -> {
                b.putInt(e + ModelImage.T_PLACEMENT, ModelImage.FLASH);
                b.putInt(e + ModelImage.T_OFFSET, dataAt);
                b.putInt(e + ModelImage.T_BYTES, t.bytes());
                b.put(dataAt, t.data());
            }
            case VARIABLE -> {
                check(t.arenaOffset() >= 0 && t.arenaOffset() + (long) t.bytes() <= arenaBytes, "VARIABLE tensor "
                        + t.index() + " (" + t.name() + ") at " + t.arenaOffset() + "+" + t.bytes()
                        + " is outside the " + arenaBytes + "-byte arena");
                b.putInt(e + ModelImage.T_PLACEMENT, ModelImage.VARIABLE);
                b.putInt(e + ModelImage.T_OFFSET, t.arenaOffset());
                b.putInt(e + ModelImage.T_BYTES, t.bytes());
            }
            case ABSENT -> b.putInt(e + ModelImage.T_PLACEMENT, ModelImage.ABSENT);
        }
        b.putInt(e + ModelImage.T_DTYPE, t.type().schemaCode());
        b.putInt(e + ModelImage.T_RANK, t.shape().length);
        b.putInt(e + ModelImage.T_DIMS, dimsAt);
        for (int k = 0; k < t.shape().length; k++) {
            b.putInt(dimsAt + 4 * k, t.shape()[k]);
        }
        if (t.quantization() != null && t.quantization().scale().length > 0) {
            b.putInt(e + ModelImage.T_ZERO_POINT, t.quantization().zeroPoint0());
            b.putInt(e + ModelImage.T_SCALE_BITS, Float.floatToRawIntBits(t.quantization().scale0()));
        }
    }

    /** The op's operand list as the image carries it: its TFLite inputs without the omitted ones. */
    private static int[] imageOperands(CompiledOp op) {
        return OpTable.spec(op.opCode()).operands().inImage(op.inputs());
    }

    private static boolean sharesOffset(CompiledModel model, CompiledOp op) {
        if (op.inputs().length == 0 || op.inputs()[0] < 0) {
            return false;
        }
        CompiledTensor in = model.tensors().get(op.inputs()[0]);
        CompiledTensor out = model.tensors().get(op.output());
        return in.placement() == Placement.ARENA && out.placement() == Placement.ARENA
                && in.arenaOffset() == out.arenaOffset();
    }

    static int align(int n) {
        return (n + 3) & ~3;
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
