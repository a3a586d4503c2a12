package dev.tinyj.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.boards.CostKeys;
import dev.tinyj.conformance.support.Emu;
import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The {@code fw.diff} functions together use every opcode of the subset ({@link CostKeys#OPCODES})
 * that javac emits for static primitive code, and every function is driven by some property.
 */
class OpcodeCoverageTest {
    /**
     * Subset opcodes javac does not emit for this code, so no differential function covers them:
     * {@code nop}; {@code swap}, {@code dup_x1} and {@code dup2_x1} (javac uses them with instance
     * fields or string concatenation, both outside the subset); {@code goto_w} (a method over 32 KB);
     * {@code ldc_w} (over 256 constant-pool entries before a constant); {@code wide} loads and stores
     * (over 256 local slots; {@code wide iinc} is covered by {@code IntOps.increments}).
     */
    static final Set<String> NOT_EMITTED_BY_JAVAC = Set.of("nop", "swap", "dup_x1", "dup2_x1", "goto_w", "ldc_w");

    @Test
    void differentialFunctionsUseEveryOpcodeJavacEmits() throws IOException {
        Set<String> used = new TreeSet<>();
        for (Class<?> c : Twin.FIRMWARE) {
            Path file = Emu.classesOf(c).resolve(c.getName().replace('.', '/') + ".class");
            ClassModel model = ClassFile.of().parse(Files.readAllBytes(file));
            for (MethodModel m : model.methods()) {
                m.code().ifPresent(code -> collect(code, used));
            }
        }
        Set<String> missing = new TreeSet<>(CostKeys.OPCODES);
        missing.removeAll(used);
        missing.removeAll(NOT_EMITTED_BY_JAVAC);
        assertEquals(Set.of(), missing, "subset opcodes no fw.diff function uses");
    }

    private static void collect(CodeModel code, Set<String> used) {
        for (var e : code) {
            if (e instanceof Instruction ins) {
                String name = ins.opcode().name().toLowerCase(Locale.ROOT);
                if (ins.opcode().bytecode() > 0xFF) {
                    used.add("wide");
                    name = name.substring(0, name.length() - 2);
                }
                used.add(name);
            }
        }
    }

    @Test
    void everyFunctionHasAPropertyShape() {
        for (Class<?> c : Twin.FIRMWARE) {
            for (Method fn : Twin.functions(c)) {
                assertTrue(Twin.SHAPES.contains(Twin.descriptor(fn)),
                        c.getSimpleName() + "." + fn.getName() + Twin.descriptor(fn) + " has no property");
            }
        }
    }
}
