package dev.tinyj.conformance.kernels.table;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.model.ModelRunner;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One vector case as a one-operator model image, run through the generated resolver and bridge on
 * the host JVM: the path a firmware takes, with nothing op-specific in the test. Non-constant
 * inputs and the output go to the arena (each 4-aligned, in index order), constants the kernel
 * reads to flash, constants the op folds into its parameter block nowhere; a state operand (SVDF's
 * activation state) is a VARIABLE tensor, reset as setup() resets it, then set to the case's
 * {@code q} values when it has them (the state earlier steps left).
 */
final class OneOpImage {
    private static final HostLink RUNTIME = HostLink.all();

    private OneOpImage() {
    }

    /** The output bytes of {@code c} prepared as {@code prepared} by operator {@code entry}. */
    static byte[] run(OpTable.Entry entry, KernelVectors.Case c, PreparedOp prepared) {
        return run(entry, c, prepared, (byte) 0);
    }

    /**
     * The same with every arena byte set to {@code fill} before the inputs are copied in: a kernel
     * that leaves an output byte unwritten gives different outputs for different fills.
     */
    static byte[] run(OpTable.Entry entry, KernelVectors.Case c, PreparedOp prepared, byte fill) {
        Operands operands = entry.spec().operands();
        List<CompiledTensor> tensors = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        List<Integer> states = new ArrayList<>();
        int arena = 0;
        int count = c.tensors().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        for (int t = 0; t < count; t++) {
            KernelVectors.VTensor v = c.tensors().get(t);
            int k = operand(c, t);
            boolean output = t == c.output();
            int[] shape = output ? prepared.outputShape() : v.shape();
            int bytes = Arrays.stream(shape).reduce(1, (a, b) -> a * b) * v.dtype().bytes();
            Placement placement;
            int offset = -1;
            byte[] data = null;
            if (k >= 0 && operands.isState(k)) {
                placement = Placement.VARIABLE; // the state before this step: its q values, written after the reset
                offset = arena;
                arena += (bytes + 3) & ~3;
            } else if (v.constant() && !output) {
                placement = k >= 0 && operands.isFolded(k) ? Placement.ABSENT : Placement.FLASH;
                data = placement == Placement.FLASH ? v.bytes() : null;
                bytes = placement == Placement.FLASH ? data.length : 0;
            } else {
                boolean state = !output && k >= 0 && operands.isState(k);
                placement = state ? Placement.VARIABLE : Placement.ARENA;
                offset = arena;
                arena += (bytes + 3) & ~3;
                if (state) {
                    states.add(t);
                } else if (!output) {
                    inputs.add(t);
                }
            }
            tensors.add(new CompiledTensor(t, v.role(), v.dtype(), shape, v.quantization(), placement, offset, bytes,
                    data, offset >= 0 ? -1 : 0, offset >= 0 ? 1 : 0, -1));
        }
        CompiledOp op = new CompiledOp(0, entry.code(), entry.name(), prepared.params(), c.inputs().clone(),
                c.output(), false);
        CompiledModel model = new CompiledModel(c.toString(), tensors, List.of(op),
                inputs.stream().mapToInt(Integer::intValue).toArray(), new int[] {c.output()}, arena);
        byte[] image = ImageWriter.write(model);
        ModelImage.validate(image);
        byte[] ram = new byte[ModelImage.arenaBytes(image)];
        Arrays.fill(ram, fill);
        ModelRunner.resetVariables(image, ram);
        for (CompiledTensor t : tensors) {
            if (t.placement() == Placement.VARIABLE && c.tensors().get(t.index()).q() != null) {
                byte[] state = c.tensors().get(t.index()).bytes();
                System.arraycopy(state, 0, ram, t.arenaOffset(), state.length);
            }
        }
        for (int k = 0; k < ModelImage.inputCount(image); k++) {
            byte[] in = c.tensors().get(ModelImage.inputTensor(image, k)).bytes();
            System.arraycopy(in, 0, ram, ModelImage.inputOffset(image, k), in.length);
        }
        for (int t : states) {
            byte[] in = c.tensors().get(t).bytes();
            System.arraycopy(in, 0, ram, ModelImage.tensorField(image, t, ModelImage.T_OFFSET), in.length);
        }
        RUNTIME.invoke(image, ram);
        int at = ModelImage.outputOffset(image, 0);
        return Arrays.copyOfRange(ram, at, at + ModelImage.outputBytes(image, 0));
    }

    /** The operand position of tensor {@code t} in {@code c}, or -1. */
    private static int operand(KernelVectors.Case c, int t) {
        for (int k = 0; k < c.inputs().length; k++) {
            if (c.inputs()[k] == t) {
                return k;
            }
        }
        return -1;
    }
}
