package dev.tinyj.conformance.kernels.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.runtime.ops.OpCodes;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.NewPrimitiveArrayInstruction;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Whole-runtime invariants: the op-code constants and the host op table agree one to one, and no
 * kernel or math routine of tiny-runtime allocates (no {@code newarray} anywhere in
 * {@code dev.tinyj.runtime.kernels} and {@code dev.tinyj.runtime.math}), so they may run in
 * {@code loop()}.
 */
class RuntimeInvariantsTest {
    @Test
    void everyOpCodeHasExactlyOneTableLineAndBack() throws IllegalAccessException {
        Map<Integer, String> codes = new TreeMap<>();
        for (Field f : OpCodes.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class && !f.getName().startsWith("ACTIVATION_")
                    && !f.getName().equals("COUNT")) {
                codes.put(f.getInt(null), f.getName());
            }
        }
        Map<Integer, String> table = new TreeMap<>();
        for (OpTable.Entry e : OpTable.entries()) {
            assertEquals(null, table.put(e.code(), e.name()), "op code " + e.code() + " appears twice in OpTable");
            assertTrue(e.code() < OpCodes.COUNT, e.name() + " code is below OpCodes.COUNT");
        }
        assertEquals(codes, table, "OpCodes constants (name by code) and OpTable entries");
        assertEquals(OpTable.entries().size(),
                OpTable.entries().stream().map(OpTable.Entry::builtinCode).distinct().count(),
                "TFLite builtin codes are distinct");
        assertEquals(3, OpTable.byName("CONV_2D").orElseThrow().builtinCode(), "schema.fbs BuiltinOperator CONV_2D");
        assertEquals(114, OpTable.byName("QUANTIZE").orElseThrow().builtinCode(), "schema.fbs BuiltinOperator QUANTIZE");
    }

    @Test
    void noKernelOrMathRoutineAllocates() throws IOException {
        Path location = Emu.classesOf(OpCodes.class);
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
                    for (MethodModel m : cm.methods()) {
                        methods++;
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
}
