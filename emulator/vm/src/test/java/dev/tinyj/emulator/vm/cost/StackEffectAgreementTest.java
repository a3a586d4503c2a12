package dev.tinyj.emulator.vm.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.StackEffect;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.CodeElement;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.ConstantInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.IncrementInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LoadInstruction;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.classfile.instruction.StoreInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every instruction-table entry's stack effect against the JVM and against the width analysis: for
 * each entry a method is generated from the table alone (push a value of each popped kind, the
 * instruction, store each pushed value by its kind), which the JDK's verifier must accept (JVMS
 * §4.10: the table's kinds and slot counts are the JVM's); then {@link WidthAnalysis} must see the
 * instruction's operands come from exactly those pushes, and its results go to exactly those stores.
 */
class StackEffectAgreementTest {
    private static final ClassDesc OWNER = ClassDesc.of("gen.Effects");
    private static final MethodTypeDesc CALLEE = MethodTypeDesc.ofDescriptor("(IJF[B)J");
    /** Field types getstatic/putstatic are tried with. */
    private static final List<ClassDesc> FIELD_TYPES = List.of(ConstantDescs.CD_int, ConstantDescs.CD_long,
            ConstantDescs.CD_float, ConstantDescs.CD_byte.arrayType(), ConstantDescs.CD_short);

    /** One generated case: the method, and where its instruction under test is. */
    private record Case(String method, Opcode opcode, int index, List<Integer> producers, int firstConsumer) {
    }

    @Test
    void everyEntrysStackEffectIsTheJvmsAndTheWidthAnalysiss() {
        List<Case> cases = new ArrayList<>();
        byte[] bytes = ClassFile.of().build(OWNER, cb -> {
            for (ClassDesc t : FIELD_TYPES) {
                cb.withField("f" + t.descriptorString().replace("[", "A"), t, ClassFile.ACC_STATIC);
            }
            cb.withMethodBody("callee", CALLEE, ClassFile.ACC_STATIC, b -> b.lconst_0().lreturn());
            int n = 0;
            for (Insn insn : Insn.values()) {
                List<Variant> variants = variants(insn);
                for (Variant v : variants) {
                    String name = "m" + n++;
                    cb.withMethodBody(name, v.type(), ClassFile.ACC_STATIC, b -> cases.add(generate(name, insn, v, b)));
                }
            }
        });
        List<String> rejected = ClassFile.of().verify(bytes).stream().map(Throwable::getMessage).toList();
        assertEquals(List.of(), rejected, "the JVM verifier rejects code generated from the table's stack effects");

        ClassModel cls = ClassFile.of().parse(bytes);
        Map<String, MethodModel> methods = new HashMap<>();
        cls.methods().forEach(m -> methods.put(m.methodName().stringValue(), m));
        assertTrue(cases.size() >= Insn.values().length, "cases " + cases.size());
        for (Case c : cases) {
            check(c, methods.get(c.method()));
        }
    }

    private void check(Case c, MethodModel m) {
        CodeAttribute code = m.findAttribute(java.lang.classfile.Attributes.code()).orElseThrow();
        List<Instruction> ins = new ArrayList<>();
        Map<Label, Integer> labels = new HashMap<>();
        for (CodeElement e : code) {
            if (e instanceof LabelTarget lt) {
                labels.put(lt.label(), ins.size());
            } else if (e instanceof Instruction i) {
                ins.add(i);
            }
        }
        String what = c.opcode() + " (" + c.method() + ")";
        assertEquals(c.opcode(), ins.get(c.index()).opcode(), what);
        WidthAnalysis.Result r = new WidthAnalysis(ins, labels, m.methodTypeSymbol(), code.maxLocals(),
                code.maxStack(), 16).run();
        Insn insn = Insn.of(c.opcode());
        StackEffect effect = insn.effect(ins.get(c.index()));
        if (effect.isShuffle()) {
            // values move: each store after the shuffle takes the push the table's permutation names
            List<String> pushes = effect.pushes();
            for (int j = 0; j < pushes.size(); j++) {
                int store = c.firstConsumer() + (pushes.size() - 1 - j);
                int slot = Integer.parseInt(pushes.get(j));
                int producer = c.producers().get(c.producers().size() - slot);
                assertEquals(producer, r.operand(store, 0).producer(), what + " push " + j);
            }
            return;
        }
        assertEquals(effect.pops().size(), r.operands[c.index()].length, what + " operands");
        for (int i = 0; i < effect.pops().size(); i++) {
            assertEquals(c.producers().get(i), r.operand(c.index(), i).producer(), what + " operand " + i);
        }
        for (int j = 0; j < effect.pushes().size(); j++) {
            int store = c.firstConsumer() + (effect.pushes().size() - 1 - j);
            assertEquals(c.index(), r.operand(store, 0).producer(), what + " result " + j);
        }
    }

    /** One way to generate an entry: its method type and, for operand-dependent ones, the operand. */
    private record Variant(MethodTypeDesc type, ClassDesc field, Object constant) {
    }

    private static List<Variant> variants(Insn insn) {
        MethodTypeDesc v = MethodTypeDesc.ofDescriptor("()V");
        return switch (insn.opcode()) {
            case GETSTATIC, PUTSTATIC -> FIELD_TYPES.stream().map(t -> new Variant(v, t, null)).toList();
            case LDC, LDC_W -> List.of(new Variant(v, null, 7), new Variant(v, null, 1.5f), new Variant(v, null, "s"));
            case IRETURN -> List.of(new Variant(MethodTypeDesc.ofDescriptor("()I"), null, null));
            case LRETURN -> List.of(new Variant(MethodTypeDesc.ofDescriptor("()J"), null, null));
            case FRETURN -> List.of(new Variant(MethodTypeDesc.ofDescriptor("()F"), null, null));
            case ARETURN -> List.of(new Variant(MethodTypeDesc.ofDescriptor("()[B"), null, null));
            default -> List.of(new Variant(v, null, null));
        };
    }

    /** Emits the method for {@code insn}; returns where everything is. */
    private static Case generate(String name, Insn insn, Variant v, CodeBuilder b) {
        int[] count = {0};
        Opcode op = insn.opcode();
        // locals the instruction reads: written first (slot = the _n of the form, or 0)
        int slot = slotOf(op);
        if (insn.opcode().kind() == Opcode.Kind.LOAD || insn.opcode().kind() == Opcode.Kind.INCREMENT) {
            String kind = insn.opcode().kind() == Opcode.Kind.INCREMENT ? "I" : insn.effect().pushes().getFirst();
            push(b, kind, 0, count);
            store(b, kind, slot, count);
        }
        StackEffect generic = insn.effect();
        List<String> pops = generic.pops().contains("*") ? popsOf(op, v) : generic.pops();
        List<Integer> producers = new ArrayList<>();
        for (int i = 0; i < pops.size(); i++) {
            push(b, pops.get(i), i + 1, count);
            producers.add(count[0] - 1);
        }
        int index = count[0];
        emit(b, insn, v, slot);
        count[0]++;
        int firstConsumer = count[0];
        if (insn.opcode().kind() != Opcode.Kind.RETURN) {
            List<String> pushes = resultsOf(insn, v);
            int local = 20;
            for (int j = pushes.size() - 1; j >= 0; j--) {
                String kind = generic.isShuffle() ? "I" : pushes.get(j);
                store(b, kind, local, count);
                local += 2;
            }
            b.return_();
        }
        return new Case(name, op, index, producers, firstConsumer);
    }

    private static int slotOf(Opcode op) {
        String n = op.name();
        char last = n.charAt(n.length() - 1);
        return n.matches(".*_[0-3]") ? last - '0' : 4;
    }

    private static List<String> popsOf(Opcode op, Variant v) {
        return switch (op) {
            case PUTSTATIC -> List.of(kindOf(v.field()));
            case INVOKESTATIC -> List.of("I", "J", "F", "[B");
            default -> List.of();
        };
    }

    private static List<String> resultsOf(Insn insn, Variant v) {
        return switch (insn.opcode()) {
            case GETSTATIC -> List.of(kindOf(v.field()));
            case INVOKESTATIC -> List.of("J");
            case PUTSTATIC -> List.of();
            case LDC, LDC_W -> List.of(v.constant() instanceof Integer ? "I" : v.constant() instanceof Float ? "F" : "A");
            default -> insn.effect().pushes();
        };
    }

    private static String kindOf(ClassDesc t) {
        return t.isArray() ? "[B" : t.equals(ConstantDescs.CD_long) ? "J" : t.equals(ConstantDescs.CD_float) ? "F" : "I";
    }

    /** Pushes a value of {@code kind} (an untyped slot is an int); {@code distinct} tells shuffled slots apart. */
    private static void push(CodeBuilder b, String kind, int distinct, int[] count) {
        switch (kind) {
            case "I", "1", "2", "3", "4" -> b.bipush(distinct);
            case "J" -> b.lconst_1();
            case "F" -> b.fconst_1();
            case "A" -> b.aconst_null();
            default -> {
                b.iconst_1();
                count[0]++;
                b.newarray(switch (kind) {
                    case "[B" -> TypeKind.BYTE;
                    case "[C" -> TypeKind.CHAR;
                    case "[S" -> TypeKind.SHORT;
                    case "[I" -> TypeKind.INT;
                    case "[J" -> TypeKind.LONG;
                    case "[F" -> TypeKind.FLOAT;
                    default -> throw new IllegalArgumentException(kind);
                });
            }
        }
        count[0]++;
    }

    private static void store(CodeBuilder b, String kind, int slot, int[] count) {
        TypeKind tk = switch (kind) {
            case "I" -> TypeKind.INT;
            case "J" -> TypeKind.LONG;
            case "F" -> TypeKind.FLOAT;
            default -> TypeKind.REFERENCE;
        };
        b.with(StoreInstruction.of(tk == TypeKind.INT ? Opcode.ISTORE : tk == TypeKind.LONG ? Opcode.LSTORE
                : tk == TypeKind.FLOAT ? Opcode.FSTORE : Opcode.ASTORE, slot));
        count[0]++;
    }

    private static void emit(CodeBuilder b, Insn insn, Variant v, int slot) {
        Opcode op = insn.opcode();
        switch (op.kind()) {
            case LOAD -> b.with(LoadInstruction.of(op, slot));
            case STORE -> b.with(StoreInstruction.of(op, slot));
            case INCREMENT -> b.with(op.isWide() ? IncrementInstruction.of(slot, 1000) : IncrementInstruction.of(slot, 1));
            case CONSTANT -> {
                switch (op) {
                    case BIPUSH, SIPUSH -> b.with(ConstantInstruction.ofArgument(op, 5));
                    case LDC, LDC_W -> b.with(ConstantInstruction.ofLoad(op, switch (v.constant()) {
                        case Integer i -> b.constantPool().intEntry(i);
                        case Float f -> b.constantPool().floatEntry(f);
                        default -> b.constantPool().stringEntry("s");
                    }));
                    case LDC2_W -> b.with(ConstantInstruction.ofLoad(op, b.constantPool().longEntry(1L << 40)));
                    default -> b.with(ConstantInstruction.ofIntrinsic(op));
                }
            }
            case ARRAY_LOAD -> b.with(ArrayLoadInstruction.of(op));
            case ARRAY_STORE -> b.with(ArrayStoreInstruction.of(op));
            case STACK -> b.with(StackInstruction.of(op));
            case OPERATOR -> b.with(OperatorInstruction.of(op));
            case CONVERT -> b.with(ConvertInstruction.of(op));
            case RETURN -> b.with(ReturnInstruction.of(op));
            case NOP -> b.with(NopInstruction.of());
            case BRANCH -> {
                Label next = b.newLabel();
                b.branch(op, next);
                b.labelBinding(next);
            }
            case TABLE_SWITCH -> {
                Label next = b.newLabel();
                b.tableswitch(0, 1, next, List.of(SwitchCase.of(0, next), SwitchCase.of(1, next)));
                b.labelBinding(next);
            }
            case LOOKUP_SWITCH -> {
                Label next = b.newLabel();
                b.lookupswitch(next, List.of(SwitchCase.of(5, next)));
                b.labelBinding(next);
            }
            case FIELD_ACCESS -> {
                String name = "f" + v.field().descriptorString().replace("[", "A");
                if (op == Opcode.GETSTATIC) {
                    b.getstatic(OWNER, name, v.field());
                } else {
                    b.putstatic(OWNER, name, v.field());
                }
            }
            case INVOKE -> b.invokestatic(OWNER, "callee", CALLEE);
            case NEW_PRIMITIVE_ARRAY -> b.newarray(TypeKind.INT);
            default -> throw new IllegalStateException("no generator for " + op);
        }
    }
}
