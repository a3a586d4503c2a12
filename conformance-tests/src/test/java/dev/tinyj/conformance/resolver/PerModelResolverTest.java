package dev.tinyj.conformance.resolver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.image.BridgeGenerator;
import dev.tinyj.emulator.toolchain.image.HostLink;
import dev.tinyj.emulator.toolchain.image.ResolverGenerator;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.verify.MethodRef;
import dev.tinyj.runtime.firmware.InferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The per-model op resolver: a generated {@code OpResolver} listing only the model's ops shadows
 * the runtime's default, so the firmware links only those kernels (and flash counts only them),
 * and the model still runs bit-exactly in the emulator.
 */
class PerModelResolverTest {
    private static final String MAIN = InferenceFirmware.class.getName();

    @Test
    void everyOpTableEntryHasItsBridge() {
        Set<String> methods = new TreeSet<>();
        java.lang.classfile.ClassFile.of().parse(BridgeGenerator.generate()).methods()
                .forEach(m -> methods.add(m.methodName().stringValue() + m.methodType().stringValue()));
        for (OpTable.Entry e : OpTable.entries()) {
            assertTrue(methods.contains(ResolverGenerator.bridgeName(e.key()) + "([BI[B)V"), e.name());
        }
        assertEquals(OpTable.entries().size(), methods.size(), "one bridge per operator, nothing else");
    }

    @Test
    void helloWorldLinksOnlyFullyConnectedAndStillMatchesGolden() throws Exception {
        byte[] tflite;
        try (InputStream in = getClass().getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            tflite = in.readAllBytes();
        }
        CompiledModel model = ModelCompiler.compile(TfliteReader.read(tflite, "hello_world_int8"), "hello_world_int8");
        byte[] image = ImageWriter.write(model);
        assertEquals(new TreeSet<>(Set.of(OpTable.code("FULLY_CONNECTED"))), ResolverGenerator.opCodes(model));
        Path gen = Files.createTempDirectory("tinyj-resolver");
        for (Map.Entry<String, byte[]> c : ResolverGenerator.link(ResolverGenerator.opCodes(model), model.name())
                .entrySet()) {
            Path file = gen.resolve(c.getKey() + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, c.getValue());
        }

        List<Path> base = List.of(Emu.classesOf(InferenceFirmware.class));
        var generic = verified(base, ResolverGenerator.link(null, null));
        var perModel = verified(List.of(gen, base.get(0)), Map.of());
        assertTrue(reaches(generic, "Conv2D"), "the default resolver links every kernel");
        assertTrue(reaches(perModel, "FullyConnected"));
        for (String k : List.of("Conv2D", "DepthwiseConv2D", "Softmax", "AveragePool2D", "Add", "Mean", "Pad")) {
            assertFalse(reaches(perModel, k), k + " is not linked for hello_world");
        }

        for (String board : List.of("arduino-uno", "nucleo-l4r5zi")) {
            Program fat = generic.link(Emu.board(board));
            Program slim = perModel.link(Emu.board(board));
            assertTrue(slim.codeBytes() * 2 < fat.codeBytes(), board + ": per-model code " + slim.codeBytes()
                    + " B vs all kernels " + fat.codeBytes() + " B");
            // x = 1.0: one case end to end in the emulator, compared with the host run of the same image
            byte[] input = {(byte) (Math.round(1.0 / 0.0244801156) - 128)};
            ByteArrayOutputStream serial = new ByteArrayOutputStream();
            Machine m = new Machine(slim, Emu.board(board), new MachineOptions(MachineOptions.DEFAULT_WATCHDOG_CYCLES,
                    serial, Map.of(0, image), new int[0], input, 0));
            m.runInitializers();
            m.setup();
            m.loop();
            byte[] arena = new byte[model.arenaBytes()];
            var in = model.tensors().get(model.inputs()[0]);
            arena[in.arenaOffset()] = input[0];
            HostLink.of(ResolverGenerator.opCodes(model), model.name()).invoke(image, arena);
            var out = model.tensors().get(model.outputs()[0]);
            assertArrayEquals(new byte[] {arena[out.arenaOffset()]}, m.semihostOutput(), board);
        }
    }

    private static Firmware.Verified verified(List<Path> classpath, Map<String, byte[]> generated) throws Exception {
        try (ClassPath cp = ClassPath.of(classpath).withGenerated(generated)) {
            return Firmware.verify(cp, MAIN);
        }
    }

    private static boolean reaches(Firmware.Verified v, String kernel) {
        return v.program().reachableMethods().stream().map(MethodRef::owner)
                .anyMatch(o -> o.equals("dev/tinyj/runtime/kernels/" + kernel));
    }
}
