package dev.tinyj.conformance.kernels.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import dev.tinyj.emulator.toolchain.tflite.BuiltinNames;
import dev.tinyj.runtime.model.ModelImage;
import java.io.IOException;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.reflect.AccessFlag;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole-runtime invariants: the host op table and the device's constants agree, and no
 * kernel or math routine of tiny-runtime allocates (no {@code newarray} anywhere in
 * {@code dev.tinyj.runtime.kernels} and {@code dev.tinyj.runtime.math}), so they may run in
 * {@code loop()}. A class initialiser may build constant tables (it runs before {@code setup()}),
 * and then only {@code @Progmem} ones: every static array field of those packages is a flash table
 * ({@code Int16Sigmoid}'s sigmoid table, {@code FloatExp}'s 2^(j/32) table), never SRAM.
 */
class RuntimeInvariantsTest {
    /**
     * The device has no per-operator constant: op codes exist only in {@link OpTable} (the image's
     * O_CODE words, the generated resolvers' cases). What the device does keep about op codes and
     * operand rules ({@link ModelImage#MAX_OP_CODE}, {@link ModelImage#MAX_OPERANDS},
     * {@link ModelImage#RULE_IN_PLACE}) agrees with the table: every code unique and in range, every
     * operand rule within the image's limits, the in-place bit only on aliasing ops.
     */
    @Test
    void theHostTableAndTheDeviceConstantsAgree() throws IOException {
        Map<Integer, String> table = new TreeMap<>();
        for (OpTable.Entry e : OpTable.entries()) {
            assertEquals(null, table.put(e.code(), e.name()), "op code " + e.code() + " appears twice in OpTable");
            assertTrue(e.code() >= 1 && e.code() <= ModelImage.MAX_OP_CODE, e.name() + " code in 1..MAX_OP_CODE");
            assertEquals(e.name(), BuiltinNames.operator(e.builtinCode()), "schema.fbs BuiltinOperator of " + e.name());
            Operands o = e.spec().operands();
            assertTrue(o.imageMax() <= ModelImage.MAX_OPERANDS && Operands.MAX == ModelImage.MAX_OPERANDS, e.name());
            int rule = e.spec().imageRule();
            assertEquals(o.imageMin(), rule & 0xFF, e.name());
            assertEquals(o.imageMax(), rule >> 8 & 0x7F, e.name());
            assertEquals(e.spec().inPlace() == InPlaceKind.ALIAS, (rule & ModelImage.RULE_IN_PLACE) != 0, e.name());
            assertEquals(o.imageMask(o.read()), rule >>> 16, e.name());
        }
        assertEquals(OpTable.entries().size(), OpTable.entries().stream().map(OpTable.Entry::key).distinct().count(),
                "operator keys (builtin name and type variant) are distinct");
        Set<String> names = new TreeSet<>(table.values());
        List<String> perOpConstants = new ArrayList<>();
        Path location = Emu.classesOf(ModelImage.class);
        try (java.nio.file.FileSystem jar = Files.isDirectory(location) ? null
                : java.nio.file.FileSystems.newFileSystem(location);
                Stream<Path> files = Files.walk(jar == null ? location : jar.getPath("/"))) {
            // kernels' own mode selectors (BinaryBroadcast.ADD, SigmoidQ4.TANH) are not op codes
            for (Path f : files.filter(p -> p.toString().endsWith(".class") && !p.toString().contains("/kernels/"))
                    .toList()) {
                ClassModel cm = ClassFile.of().parse(Files.readAllBytes(f));
                cm.fields().stream().map(fm -> fm.fieldName().stringValue()).filter(names::contains)
                        .forEach(n -> perOpConstants.add(cm.thisClass().asInternalName() + "." + n));
            }
        }
        assertEquals(List.of(), perOpConstants, "device constants named after an operator");
    }

    @Test
    void noKernelOrMathRoutineAllocates() throws IOException {
        Path location = Emu.classesOf(ModelImage.class);
        // a class folder under test-compile, the module jar under verify
        try (java.nio.file.FileSystem jar = Files.isDirectory(location) ? null
                : java.nio.file.FileSystems.newFileSystem(location)) {
            Path root = jar == null ? location : jar.getPath("/");
            scanForAllocation(root);
        }
    }

    private static void scanForAllocation(Path root) throws IOException {
        List<String> allocations = new ArrayList<>();
        int methods = 0;
        for (String pkg : List.of("dev/tinyj/runtime/kernels", "dev/tinyj/runtime/math")) {
            try (Stream<Path> files = Files.list(root.resolve(pkg))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                    ClassModel cm = ClassFile.of().parse(Files.readAllBytes(f));
                    for (FieldModel fm : cm.fields()) {
                        if (fm.flags().has(AccessFlag.STATIC) && fm.fieldType().stringValue().startsWith("[")
                                && !progmem(fm)) {
                            allocations.add(cm.thisClass().asInternalName() + "." + fm.fieldName()
                                    + " (a static array outside flash: not @Progmem)");
                        }
                    }
                    for (MethodModel m : cm.methods()) {
                        methods++;
                        if (m.methodName().equalsString("<clinit>")) {
                            continue; // runs before setup(); its arrays are @Progmem tables (checked above)
                        }
                        m.code().ifPresent(code -> code.forEach(e -> {
                            if (e instanceof NewPrimitiveArrayInstruction
                                    || e instanceof java.lang.classfile.Instruction i
                                    && (i.opcode() == Opcode.NEWARRAY || i.opcode() == Opcode.ANEWARRAY
                                    || i.opcode() == Opcode.MULTIANEWARRAY)) {
                                allocations.add(cm.thisClass().asInternalName() + "." + m.methodName());
                            }
                        }));
                    }
                }
            }
        }
        assertTrue(methods > 50, "scanned the runtime's methods: " + methods);
        assertEquals(List.of(), allocations, "methods that allocate");
    }

    private static boolean progmem(FieldModel fm) {
        return fm.findAttribute(Attributes.runtimeInvisibleAnnotations()).stream()
                .flatMap(a -> a.annotations().stream())
                .anyMatch(a -> a.className().equalsString("Ldev/tinyj/hal/Progmem;"));
    }
}
