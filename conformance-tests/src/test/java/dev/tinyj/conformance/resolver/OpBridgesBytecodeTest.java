package dev.tinyj.conformance.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.toolchain.image.BridgeGenerator;
import dev.tinyj.emulator.toolchain.image.ResolverGenerator;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.hal.Mcu;
import dev.tinyj.runtime.model.ModelImage;
import java.io.IOException;
import java.io.InputStream;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated {@code OpBridges} methods and default {@code OpResolver} are instruction for
 * instruction (and byte for byte in code length) what javac made of the hand-written classes they
 * replace (kept as test data in {@code javac-reference/}, compiled here with the JDK's javac), so
 * every op's cycles and the firmware's flash code size are unchanged.
 */
class OpBridgesBytecodeTest {
    private static Path javac;

    @BeforeAll
    static void compileTheHandWrittenClasses() throws IOException {
        Path src = Files.createTempDirectory("tinyj-javac-ref-src");
        javac = Files.createTempDirectory("tinyj-javac-ref");
        List<String> files = new ArrayList<>();
        for (String[] f : new String[][] {{"OpBridges", "dev/tinyj/runtime/model"},
            {"OpResolver", "dev/tinyj/runtime/model"}, {"OpCodes", "dev/tinyj/runtime/ops"}}) {
            Path to = src.resolve(f[1]).resolve(f[0] + ".java");
            Files.createDirectories(to.getParent());
            try (InputStream in = OpBridgesBytecodeTest.class.getResourceAsStream("/javac-reference/" + f[0]
                    + ".java.txt")) {
                Files.write(to, in.readAllBytes());
            }
            files.add(to.toString());
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(List.of("--release", "25", "-proc:none", "-d", javac.toString(), "-cp",
                Emu.classesOf(ModelImage.class) + java.io.File.pathSeparator + Emu.classesOf(Mcu.class)));
        args.addAll(files);
        assertEquals(0, compiler.run(null, null, null, args.toArray(String[]::new)), "javac of the reference");
    }

    @Test
    void everyGeneratedBridgeIsJavacsInstructionForInstruction() throws IOException {
        ClassModel ref = ClassFile.of().parse(Files.readAllBytes(javac.resolve("dev/tinyj/runtime/model/OpBridges.class")));
        ClassModel gen = ClassFile.of().parse(BridgeGenerator.generate());
        Set<String> compared = new TreeSet<>();
        for (MethodModel m : ref.methods()) {
            String name = m.methodName().stringValue();
            if (name.equals("<init>")) {
                continue;
            }
            MethodModel g = method(gen, name);
            assertEquals(listing(m), listing(g), name);
            assertEquals(codeLength(m), codeLength(g), name + " code length");
            compared.add(name);
        }
        Set<String> before = new TreeSet<>();
        OpTable.entries().stream().filter(e -> e.code() <= 18)
                .forEach(e -> before.add(ResolverGenerator.bridgeName(e.key())));
        assertEquals(before, compared, "every operator that had a hand-written bridge is compared");
    }

    @Test
    void theGeneratedDefaultResolverIsJavacsInstructionForInstruction() throws IOException {
        ClassModel ref = ClassFile.of().parse(Files.readAllBytes(
                javac.resolve("dev/tinyj/runtime/model/OpResolver.class")));
        ClassModel gen = ClassFile.of().parse(ResolverGenerator.generateDefault());
        MethodModel r = method(ref, "invoke");
        MethodModel g = method(gen, "invoke");
        List<String> want = listing(r);
        List<String> got = listing(g);
        if (OpTable.entries().size() == 18) {
            assertEquals(want, got);
            assertEquals(codeLength(r), codeLength(g), "code length");
        } else {
            // operators added since: the same shape, with more cases
            assertTrue(got.size() > want.size(), got.toString());
            assertEquals(want.get(want.size() - 1), got.get(got.size() - 1));
        }
    }

    private static MethodModel method(ClassModel c, String name) {
        return c.methods().stream().filter(m -> m.methodName().equalsString(name)).findFirst()
                .orElseThrow(() -> new AssertionError(c.thisClass().asInternalName() + " has no " + name));
    }

    private static int codeLength(MethodModel m) {
        return m.findAttribute(java.lang.classfile.Attributes.code()).map(CodeAttribute::codeLength).orElse(-1);
    }

    /** One line per instruction: opcode and operands, branch targets as instruction indices. */
    static List<String> listing(MethodModel m) {
        CodeModel code = m.code().orElseThrow();
        Map<Label, Integer> at = new HashMap<>();
        int n = 0;
        for (CodeElement e : code) {
            if (e instanceof LabelTarget t) {
                at.put(t.label(), n);
            } else if (e instanceof Instruction) {
                n++;
            }
        }
        List<String> out = new ArrayList<>();
        for (CodeElement e : code) {
            if (!(e instanceof Instruction i)) {
                continue;
            }
            String op = i.opcode().name();
            out.add(switch (i) {
                case InvokeInstruction v -> op + " " + v.owner().asInternalName() + "." + v.name().stringValue()
                        + v.type().stringValue();
                case LoadInstruction v -> op + " " + v.slot();
                case StoreInstruction v -> op + " " + v.slot();
                case ConstantInstruction v -> op + " " + v.constantValue();
                case IncrementInstruction v -> op + " " + v.slot() + " " + v.constant();
                case BranchInstruction v -> op + " -> " + at.get(v.target());
                case TableSwitchInstruction v -> op + " " + v.lowValue() + ".." + v.highValue() + " default -> "
                        + at.get(v.defaultTarget()) + cases(v.cases(), at);
                case LookupSwitchInstruction v -> op + " default -> " + at.get(v.defaultTarget())
                        + cases(v.cases(), at);
                default -> op;
            });
        }
        return out;
    }

    private static String cases(List<SwitchCase> cases, Map<Label, Integer> at) {
        StringBuilder sb = new StringBuilder();
        for (SwitchCase c : cases) {
            sb.append(' ').append(c.caseValue()).append(" -> ").append(at.get(c.target()));
        }
        return sb.toString();
    }
}
