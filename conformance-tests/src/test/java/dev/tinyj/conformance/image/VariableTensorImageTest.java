package dev.tinyj.conformance.image;

import static dev.tinyj.conformance.image.ImageCorruptionTest.assertPanics;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.tinyj.conformance.kernels.svdf.SvdfModels;
import dev.tinyj.emulator.toolchain.compile.ArenaPlanCheck;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.compile.Placement;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import dev.tinyj.hal.Flash;
import dev.tinyj.runtime.model.ModelImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Variable tensors in the model image and on the device: a {@link ModelImage#VARIABLE} tensor is
 * reset at setup as TFLM's {@code ResetTensorData} does (an INT8 one to its zero point), lives in
 * the persistent region after the planned one and keeps its bytes across inferences; the validator
 * lets only state operands be VARIABLE tensors, and VARIABLE tensors only state operands. The model:
 * out = ADD(in, k), k a flash constant, plus an int8[1,8] VARIABLE tensor with zero point 7 placed
 * after the planned arena (no operator of this model owns it; SVDF's tests run a kernel that
 * writes its state).
 */
class VariableTensorImageTest {
    private static final Quantization Q_IN = Quantization.perTensor(0.5f, -3);
    private static final Quantization Q_STATE = Quantization.perTensor(0.25f, 7);

    static CompiledModel model() throws Exception {
        List<TfliteSpec.Tensor> t = List.of(new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, 8}, null, Q_IN),
                new TfliteSpec.Tensor("k", DType.INT8, new int[] {1, 8}, new byte[] {1, 2, 3, 4, 5, 6, 7, 8}, Q_IN),
                new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 8}, null, Q_IN));
        List<TfliteSpec.Operator> ops = List.of(new TfliteSpec.Operator("ADD", new int[] {0, 1}, new int[] {2},
                OpOptions.none()));
        byte[] b = TfliteWriter.write(new TfliteSpec("state", "main", t, ops, new int[] {0}, new int[] {2}));
        CompiledModel m = ModelCompiler.compile(TfliteReader.read(b, "state"), "state");
        List<CompiledTensor> tensors = new ArrayList<>(m.tensors());
        tensors.add(new CompiledTensor(3, "state", DType.INT8, new int[] {1, 8}, Q_STATE, Placement.VARIABLE,
                m.arenaBytes(), 8, null, -1, m.ops().size(), -1));
        return new CompiledModel("state", tensors, m.ops(), m.inputs(), m.outputs(), m.arenaBytes() + 8);
    }

    private static final byte[] INPUT = {-128, -3, 0, 1, 2, 50, 100, 127};

    @Test
    void resetFillsTheZeroPointOfTheVariableOnly() throws Exception {
        CompiledModel m = model();
        CompiledTensor state = m.tensors().get(3);
        assertEquals(8, m.persistentBytes());
        assertEquals(m.plannedBytes(), state.arenaOffset());
        assertEquals(List.of(), ArenaPlanCheck.violations(m));
        byte[] image = ImageWriter.write(m);
        byte[] arena = HostRun.setup(image);
        byte[] expectedArena = new byte[arena.length];
        Arrays.fill(expectedArena, state.arenaOffset(), state.arenaOffset() + 8, (byte) 7);
        assertArrayEquals(expectedArena, arena, "only the variable is set, to its zero point");
        byte[] first = HostRun.run(image, arena, INPUT);
        assertArrayEquals(first, HostRun.run(image, arena, INPUT));
        byte[] kept = Arrays.copyOfRange(arena, state.arenaOffset(), state.arenaOffset() + 8);
        assertArrayEquals(new byte[] {7, 7, 7, 7, 7, 7, 7, 7}, kept, "no planned buffer writes the persistent region");
    }

    @Test
    void theFirmwareResetsInSetupAndRunsLoopAfterLoop() throws Exception {
        byte[] image = ImageWriter.write(model());
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.write(INPUT);
        twice.write(INPUT);
        byte[] host = HostRun.run(image, INPUT);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(host);
        expected.write(host);
        assertArrayEquals(expected.toByteArray(), ImageEmulatorTest.emulate(image, 2, twice.toByteArray()));
    }

    /**
     * The device test of state: a two-SVDF model (int8 states, zero point 5) in the emulator, three
     * loop()s after one setup(): each output equals the host run that carries the arena over, and
     * the second and third differ from what a freshly reset arena gives (the state did carry over).
     */
    @Test
    void svdfStateSurvivesFromOneLoopToTheNext() throws Exception {
        CompiledModel m = ModelCompiler.compile(TfliteReader.read(SvdfModels.chain(7, 2, 6, false), "svdf"), "svdf");
        byte[] image = ImageWriter.write(m);
        byte[][] inputs = {{100, -50, 3, 77, -128, 127}, {-90, 64, 12, -7, 33, 0}, {5, 5, 5, -5, -5, -5}};
        byte[] arena = HostRun.setup(image);
        for (CompiledTensor t : m.tensors()) {
            if (t.placement() == Placement.VARIABLE) {
                for (int i = 0; i < t.bytes(); i++) {
                    assertEquals(5, arena[t.arenaOffset() + i], "reset to the zero point");
                }
            }
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream carried = new ByteArrayOutputStream();
        for (int s = 0; s < inputs.length; s++) {
            all.write(inputs[s]);
            byte[] out = HostRun.run(image, arena, inputs[s]);
            carried.write(out);
            if (s > 0) {
                assertFalse(Arrays.equals(out, HostRun.run(image, inputs[s])), "step " + s + " depends on the state");
            }
        }
        assertArrayEquals(carried.toByteArray(), ImageEmulatorTest.emulate(image, inputs.length, all.toByteArray()));
    }

    @Test
    void theValidatorLetsAKernelWriteOnlyVariableOperands() throws Exception {
        byte[] image = ImageWriter.write(model());
        int flags = ModelImage.opEntry(image, 0) + ModelImage.O_FLAGS;
        int operand1 = Flash.readInt(image, ModelImage.opEntry(image, 0) + ModelImage.O_OPERANDS) + 4;
        assertEquals(0, Flash.readInt(image, flags), "ADD declares no state");
        assertPanics(sealed(image, operand1, 3), ModelImage.PANIC_BAD_OPERAND, 0,
                "a VARIABLE tensor as an operand that is not a state operand");
        byte[] asState = sealed(sealed(image, operand1, 3), flags, 1 << (ModelImage.FLAG_STATE_SHIFT + 1));
        assertNull(ImageCorruptionTest.panicOf(asState), "operand 1 a VARIABLE tensor and a state operand");
        assertPanics(sealed(image, flags, 1 << ModelImage.FLAG_STATE_SHIFT), ModelImage.PANIC_BAD_OPERAND, 0,
                "state operand 0 is an ARENA tensor");
        assertPanics(sealed(image, flags, 1 << (ModelImage.FLAG_STATE_SHIFT + 2)), ModelImage.PANIC_BAD_OPERAND, 0,
                "state operand past the operand count");
        assertPanics(sealed(image, flags, 1 << 7), ModelImage.PANIC_BAD_OP, 0, "reserved flag bit 7");
        int out = ModelImage.tensorEntry(image, 2) + ModelImage.T_PLACEMENT;
        assertPanics(sealed(image, out, ModelImage.VARIABLE), ModelImage.PANIC_BAD_OPERAND, 0,
                "an op's output is never a VARIABLE tensor");
        int stateOffset = ModelImage.tensorEntry(image, 3) + ModelImage.T_OFFSET;
        assertPanics(sealed(image, stateOffset, ModelImage.arenaBytes(image) - 4), ModelImage.PANIC_BAD_TENSOR, 3,
                "a VARIABLE tensor past the arena end");
    }

    private static byte[] sealed(byte[] image, int offset, int value) {
        byte[] b = image.clone();
        java.nio.ByteBuffer.wrap(b).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        ImageWriter.seal(b);
        return b;
    }
}
