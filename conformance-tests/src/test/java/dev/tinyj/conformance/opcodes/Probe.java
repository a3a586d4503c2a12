package dev.tinyj.conformance.opcodes;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.Annotation;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.TypeKind;
import java.lang.classfile.attribute.RuntimeInvisibleAnnotationsAttribute;
import java.lang.classfile.attribute.SourceFileAttribute;
import java.lang.classfile.instruction.ArrayLoadInstruction;
import java.lang.classfile.instruction.ArrayStoreInstruction;
import java.lang.classfile.instruction.ConvertInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.NopInstruction;
import java.lang.classfile.instruction.OperatorInstruction;
import java.lang.classfile.instruction.StackInstruction;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * One generated firmware class ({@code conf/Probe}) around one method under test, {@code run}.
 *
 * <p>A <em>guarded</em> probe's {@code run} pushes {@link #GUARD} ({@code sipush}), then its body
 * pushes the operands (from parameters or constants) and executes the opcode under test; the
 * epilogue then stores every operand-stack slot the test expects ({@link Builder#leaves}, bottom
 * to top) into static fields {@code s0..sN} (top first), stores the guard into {@code guard} and
 * returns. A wrong stack depth shows up as a wrong guard or wrong values. A <em>raw</em> probe's
 * body is the whole method (for the return opcodes).
 *
 * <p>{@code setup()} allocates the arrays a probe asks for; {@code loop()} calls {@code run} and
 * the helpers once with zero arguments, only so that the verifier reaches and the linker decodes
 * them (an unreached method is not linked); the tests never run {@code loop()}. Every probe a
 * test uses is a static field of its test class, so {@link OpcodeCoverageTest} can read the
 * opcodes of every {@code run} and helper without running the tests.
 */
final class Probe {
    static final String OWNER = "conf/Probe";
    static final ClassDesc CD_PROBE = ClassDesc.ofInternalName(OWNER);
    static final String RUN = "run";
    /** The value a guarded probe keeps below its operands. */
    static final int GUARD = 0x1D5;
    private static final ClassDesc PROGMEM = ClassDesc.of("dev.tinyj.hal.Progmem");

    final String name;
    final MethodTypeDesc type;
    final List<ClassDesc> leaves;
    final boolean guarded;
    final List<String> helpers;
    final byte[] bytes;

    private Probe(String name, MethodTypeDesc type, List<ClassDesc> leaves, boolean guarded, List<String> helpers,
            byte[] bytes) {
        this.name = name;
        this.type = type;
        this.leaves = leaves;
        this.guarded = guarded;
        this.helpers = helpers;
        this.bytes = bytes;
    }

    /** A probe named {@code name} (for messages only). */
    static Builder of(String name) {
        return new Builder(name);
    }

    /** {@code run(left, right)}: load both parameters, execute {@code op}, leave {@code result}. */
    static Probe binary(Opcode op, ClassDesc left, ClassDesc right, ClassDesc result) {
        TypeKind l = TypeKind.from(left);
        TypeKind r = TypeKind.from(right);
        return of(op.name()).params(left, right).leaves(result).code(cb -> {
            cb.loadLocal(l, 0);
            cb.loadLocal(r, l.slotSize());
            cb.with(simple(op));
        }).build();
    }

    /** {@code run(operand)}: load the parameter, execute {@code op}, leave {@code result}. */
    static Probe unary(Opcode op, ClassDesc operand, ClassDesc result) {
        return of(op.name()).params(operand).leaves(result).code(cb -> {
            cb.loadLocal(TypeKind.from(operand), 0);
            cb.with(simple(op));
        }).build();
    }

    /** The instruction of an opcode without operands. */
    static Instruction simple(Opcode op) {
        return switch (op.kind()) {
            case OPERATOR -> OperatorInstruction.of(op);
            case CONVERT -> ConvertInstruction.of(op);
            case STACK -> StackInstruction.of(op);
            case ARRAY_LOAD -> ArrayLoadInstruction.of(op);
            case ARRAY_STORE -> ArrayStoreInstruction.of(op);
            case NOP -> NopInstruction.of();
            default -> throw new IllegalArgumentException("not a simple opcode: " + op);
        };
    }

    @Override
    public String toString() {
        return "probe " + name;
    }

    /** The methods whose opcodes this probe exercises: {@code run} and its helpers. */
    List<MethodModel> methodsUnderTest() {
        return ClassFile.of().parse(bytes).methods().stream()
                .filter(m -> m.methodName().equalsString(RUN) || helpers.contains(m.methodName().stringValue()))
                .toList();
    }

    /**
     * The instructions of {@code run} as basic blocks in code order: a segment starts at every
     * bound label and after every branch, switch and return (segment 0 is the entry).
     */
    List<List<Instruction>> segments() {
        MethodModel run = methodsUnderTest().stream().filter(m -> m.methodName().equalsString(RUN)).findFirst()
                .orElseThrow();
        List<List<Instruction>> out = new ArrayList<>();
        out.add(new ArrayList<>());
        boolean split = false;
        for (var e : run.code().orElseThrow()) {
            if (e instanceof LabelTarget) {
                split = true;
            } else if (e instanceof Instruction ins) {
                if (split && !out.getLast().isEmpty()) {
                    out.add(new ArrayList<>());
                }
                out.getLast().add(ins);
                split = switch (ins.opcode().kind()) {
                    case BRANCH, TABLE_SWITCH, LOOKUP_SWITCH, RETURN -> true;
                    default -> false;
                };
            }
        }
        return out;
    }

    /** Bytecode offset in {@code run} of the first {@code op}. */
    int offsetOf(Opcode op) {
        int bci = 0;
        for (List<Instruction> seg : segments()) {
            for (Instruction ins : seg) {
                if (ins.opcode() == op) {
                    return bci;
                }
                bci += ins.sizeInBytes();
            }
        }
        throw new IllegalArgumentException(name + " has no " + op);
    }

    /** Builds a {@link Probe}. */
    static final class Builder {
        private final String name;
        private final List<ClassDesc> params = new ArrayList<>();
        private final List<ClassDesc> leaves = new ArrayList<>();
        private ClassDesc returns = CD_void;
        private boolean guarded = true;
        private BiConsumer<CodeBuilder, Runnable> body;
        private final Map<String, TypeKind> arrays = new LinkedHashMap<>();
        private final Map<String, Integer> arrayLengths = new LinkedHashMap<>();
        private final Map<String, TypeKind> tables = new LinkedHashMap<>();
        private final Map<String, Number[]> tableValues = new LinkedHashMap<>();
        private final Map<String, ClassDesc> fields = new LinkedHashMap<>();
        private final Map<String, MethodTypeDesc> helperTypes = new LinkedHashMap<>();
        private final Map<String, Consumer<CodeBuilder>> helperBodies = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        /** Parameters of {@code run}, slot 0 first. */
        Builder params(ClassDesc... types) {
            params.addAll(List.of(types));
            return this;
        }

        /** The operand stack the opcode leaves, bottom to top (each stored into a static field). */
        Builder leaves(ClassDesc... types) {
            leaves.addAll(List.of(types));
            return this;
        }

        /** A straight-line body: push operands, execute the opcode under test. */
        Builder code(Consumer<CodeBuilder> straight) {
            this.body = (cb, done) -> {
                straight.accept(cb);
                done.run();
            };
            return this;
        }

        /** A body with several exits, each ending in {@code done.run()} (the store-and-return epilogue). */
        Builder branching(BiConsumer<CodeBuilder, Runnable> withExits) {
            this.body = withExits;
            return this;
        }

        /** The whole of {@code run} is {@code body} (no guard, no epilogue), returning {@code type}. */
        Builder raw(ClassDesc type, Consumer<CodeBuilder> whole) {
            this.returns = type;
            this.guarded = false;
            this.body = (cb, done) -> whole.accept(cb);
            return this;
        }

        /** A static array field {@code field}, {@code new elem[length]} in setup(). */
        Builder array(String field, TypeKind elem, int length) {
            arrays.put(field, elem);
            arrayLengths.put(field, length);
            return this;
        }

        /** A {@code @Progmem static final elem[] field} (flash), initialised from {@code values}. */
        Builder flashTable(String field, TypeKind elem, Number... values) {
            tables.put(field, elem);
            tableValues.put(field, values);
            return this;
        }

        /** An extra static field. */
        Builder field(String field, ClassDesc type) {
            fields.put(field, type);
            return this;
        }

        /** A static helper method that {@code run} calls. */
        Builder helper(String method, MethodTypeDesc type, Consumer<CodeBuilder> code) {
            helperTypes.put(method, type);
            helperBodies.put(method, code);
            return this;
        }

        Probe build() {
            MethodTypeDesc type = MethodTypeDesc.of(returns, params.toArray(ClassDesc[]::new));
            byte[] bytes = ClassFile.of().build(CD_PROBE, clb -> {
                clb.with(SourceFileAttribute.of("Probe.java"));
                declareFields(clb);
                clb.withMethodBody("setup", MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        this::setup);
                clb.withMethodBody("loop", MethodTypeDesc.of(CD_void), ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                        cb -> {
                            reach(cb, RUN, type);
                            helperTypes.forEach((n, t) -> reach(cb, n, t));
                            cb.return_();
                        });
                if (!tables.isEmpty()) {
                    clb.withMethodBody("<clinit>", MethodTypeDesc.of(CD_void), ClassFile.ACC_STATIC, this::clinit);
                }
                clb.withMethodBody(RUN, type, ClassFile.ACC_STATIC, this::run);
                helperTypes.forEach((n, t) -> clb.withMethodBody(n, t, ClassFile.ACC_STATIC, helperBodies.get(n)));
            });
            return new Probe(name, type, List.copyOf(leaves), guarded, List.copyOf(helperTypes.keySet()), bytes);
        }

        private void declareFields(ClassBuilder clb) {
            int st = ClassFile.ACC_STATIC;
            if (guarded) {
                clb.withField("guard", CD_int, st);
                for (int k = 0; k < leaves.size(); k++) {
                    clb.withField("s" + k, leaves.get(k), st);
                }
            }
            arrays.forEach((f, t) -> clb.withField(f, t.upperBound().arrayType(), st));
            tables.forEach((f, t) -> clb.withField(f, t.upperBound().arrayType(), fb -> fb
                    .withFlags(st | ClassFile.ACC_FINAL)
                    .with(RuntimeInvisibleAnnotationsAttribute.of(Annotation.of(PROGMEM)))));
            fields.forEach((f, t) -> clb.withField(f, t, st));
        }

        private void setup(CodeBuilder cb) {
            arrays.forEach((f, t) -> {
                cb.loadConstant(arrayLengths.get(f));
                cb.newarray(t);
                cb.putstatic(CD_PROBE, f, t.upperBound().arrayType());
            });
            cb.return_();
        }

        /** javac's constant-array pattern, which the verifier turns into a flash table. */
        private void clinit(CodeBuilder cb) {
            tables.forEach((f, t) -> {
                Number[] values = tableValues.get(f);
                cb.loadConstant(values.length);
                cb.newarray(t);
                for (int k = 0; k < values.length; k++) {
                    cb.dup();
                    cb.loadConstant(k);
                    cb.loadConstant(constant(t, values[k]));
                    cb.arrayStore(t);
                }
                cb.putstatic(CD_PROBE, f, t.upperBound().arrayType());
            });
            cb.return_();
        }

        private void run(CodeBuilder cb) {
            if (guarded) {
                cb.sipush(GUARD);
            }
            body.accept(cb, () -> {
                for (int k = leaves.size() - 1; k >= 0; k--) {
                    cb.putstatic(CD_PROBE, "s" + k, leaves.get(k));
                }
                cb.putstatic(CD_PROBE, "guard", CD_int);
                cb.return_();
            });
        }

        private static ConstantDesc constant(TypeKind t, Number v) {
            return switch (t) {
                case LONG -> v.longValue();
                case FLOAT -> v.floatValue();
                default -> v.intValue();
            };
        }

        private static void reach(CodeBuilder cb, String method, MethodTypeDesc type) {
            for (ClassDesc p : type.parameterList()) {
                switch (TypeKind.from(p)) {
                    case LONG -> cb.lconst_0();
                    case FLOAT -> cb.fconst_0();
                    case REFERENCE -> cb.aconst_null();
                    default -> cb.iconst_0();
                }
            }
            cb.invokestatic(CD_PROBE, method, type);
            switch (TypeKind.from(type.returnType()).slotSize()) {
                case 1 -> cb.pop();
                case 2 -> cb.pop2();
                default -> {
                    // void
                }
            }
        }
    }
}
