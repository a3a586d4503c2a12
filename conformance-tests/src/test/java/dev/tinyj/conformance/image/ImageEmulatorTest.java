package dev.tinyj.conformance.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.FaultKind;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.runtime.model.ModelImage;
import dev.tinyj.runtime.firmware.InferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model image in the emulator: {@link InferenceFirmware} validates {@code Flash.segment(0)} in
 * setup() and runs {@code ModelRunner.invoke} in loop() on nucleo-l4r5zi; its Semihost output
 * equals the host JVM's (and the golden output), and a corrupt image stops the run in setup()
 * with a PANIC fault.
 */
class ImageEmulatorTest {
    static final String BOARD = "nucleo-l4r5zi";
    /** One kernel model per kernel family (conv, pooling, elementwise, nonlinear, quantize, shape). */
    static final String[] CASES = {
        "conv/conv_simple_per_channel", "depthwise_conv/dw_simple_per_channel",
        "fully_connected/fc_simple_null_bias_int8",
        "average_pool/avgpool_int8_padding_valid_stride2_act_none", "add/add_mixed_broadcast_int8_0",
        "softmax/softmax_1d_int8", "dequantize/dequantize_int8", "concatenation/concat_two_inputs_int8",
        "pad/padv2_2d_int8", "pad/pad_2d_int8", "mean/mean_int8_2d_keep_dims", "tanh/tanh_int8",
        "strided_slice/strided_slice_3d_identity_shrink_axis1_int8", "reshape/reshape_stretch_int8",
        "max_pool/maxpool_int8_act_relu", "mul/mul_broadcast_int8", "logistic/logistic_basic_int8",
        "quantize/quantize_int8to_int8"};

    private static Program program;


    @BeforeAll
    static void build() {
        program = Emu.build(InferenceFirmware.class, BOARD);
    }

    /** Runs the firmware once with {@code image} in segment 0 and {@code input} on Semihost. */
    static byte[] emulate(byte[] image, byte[] input) {
        return emulate(image, 1, input);
    }

    /**
     * Runs setup() then {@code loops} loop()s with {@code image} in segment 0 and {@code input} (every
     * inference's input, concatenated) on Semihost; returns every output, concatenated.
     */
    static byte[] emulate(byte[] image, int loops, byte[] input) {
        if (program == null) {
            build();
        }
        MachineOptions options = new MachineOptions(MachineOptions.DEFAULT_WATCHDOG_CYCLES, new ByteArrayOutputStream(),
                Map.of(0, image), new int[0], input, 0);
        Machine m = new Machine(program, Emu.board(BOARD), options);
        m.runInitializers();
        m.setup();
        for (int i = 0; i < loops; i++) {
            assertTrue(m.loop(), "inference " + i + ", the firmware keeps running");
        }
        assertTrue(m.cycles() > 0);
        return m.semihostOutput();
    }

    @Test
    void kernelModelsGiveTheHostBytes() throws Exception {
        int run = 0;
        for (TestModels.Case c : TestModels.kernelCases()) {
            if (!java.util.Arrays.asList(CASES).contains(c.where())) {
                continue;
            }
            byte[] image = ImageWriter.write(TestModels.compile(c.file(".tflite")));
            byte[] input = Files.readAllBytes(c.file(".input.bin"));
            byte[] host = HostRun.run(image, input);
            assertArrayEquals(Files.readAllBytes(c.file(".output.bin")), host, c.where());
            assertArrayEquals(host, emulate(image, input), c.where() + " in the emulator");
            run++;
        }
        assertEquals(CASES.length, run, "cases found in index.csv");
    }

    @Test
    void helloWorldAndTheHandModelGiveTheHostBytes() throws Exception {
        CompiledModel hello = TestModels.compile(TfliteReader.read(TestModels.helloWorld(), "hello_world_int8"));
        byte[] image = ImageWriter.write(hello);
        for (int q = -128; q < 128; q += 37) {
            byte[] input = {(byte) q};
            assertArrayEquals(HostRun.run(image, input), emulate(image, input), "hello_world x_q = " + q);
        }
        byte[] hand = ImageWriter.write(HandModel.model());
        byte[] input = HandModel.floats(0.3f, -1.2f, 2.5f, 0.0f);
        assertArrayEquals(HostRun.run(hand, input), emulate(hand, input), "hand model");
    }

    @Test
    void aCorruptImageStopsSetupWithAPanic() throws Exception {
        byte[] image = ImageWriter.write(HandModel.model());
        byte[] bad = image.clone();
        bad[image.length - 1] ^= 0x10;
        GuestFault f = assertThrows(GuestFault.class, () -> emulate(bad, new byte[16]));
        assertEquals(FaultKind.PANIC, f.kind());
        assertTrue(f.getMessage().contains("code=" + ModelImage.PANIC_CHECKSUM), f.getMessage());
        byte[] shortImage = java.util.Arrays.copyOf(image, 40);
        GuestFault t = assertThrows(GuestFault.class, () -> emulate(shortImage, new byte[16]));
        assertEquals(FaultKind.PANIC, t.kind());
        assertTrue(t.getMessage().contains("code=" + ModelImage.PANIC_TRUNCATED + ", arg=40"), t.getMessage());
        Machine none = new Machine(program, Emu.board(BOARD), MachineOptions.defaults(new ByteArrayOutputStream()));
        none.runInitializers();
        GuestFault n = assertThrows(GuestFault.class, none::setup);
        assertEquals(FaultKind.PANIC, n.kind());
        assertTrue(n.getMessage().contains("code=" + ModelImage.PANIC_NO_IMAGE), n.getMessage());
    }
}
