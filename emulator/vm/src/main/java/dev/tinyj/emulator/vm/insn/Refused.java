package dev.tinyj.emulator.vm.insn;

import java.lang.classfile.Opcode;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every {@link Opcode} not in the {@link Insn} table, with the reason the subset leaves it out
 * (DESIGN.md, "The restricted subset"). The verifier's messages name the instruction and its
 * operand and end with a hint ({@code vm.verify.InstructionRules}); this is the reason per opcode
 * that those messages elaborate, and the last word when no richer message applies.
 */
public final class Refused {
    /** {@code double} values: the subset's floating point is {@code float}. */
    public static final String DOUBLE = "double: use float or fixed-point int";
    /** Object instances, instance fields and methods, type checks. */
    public static final String OBJECT = "objects: firmware has no objects; use static fields and primitive arrays";
    /** Arrays of references (object or multi-dimensional arrays). */
    public static final String OBJECT_ARRAY = "arrays of references: use one-dimensional primitive arrays";
    /** {@code invokedynamic}: string concatenation, lambdas, pattern and enum switches, records. */
    public static final String INVOKEDYNAMIC =
            "invokedynamic: string concatenation, lambdas and pattern switches need objects";
    /** {@code athrow}. */
    public static final String THROW = "exceptions need objects: use Mcu.panic(code, arg)";
    /** {@code monitorenter}/{@code monitorexit}. */
    public static final String MONITOR = "monitors: there are no threads or locks; remove synchronized";
    /** {@code jsr}/{@code ret}: JVMS §4.9.1 forbids them in class files of version 51 and later. */
    public static final String SUBROUTINE =
            "subroutines (jsr/ret): not in class files of version 51+; recompile with a current javac";

    private static final Map<Opcode, String> REASONS = reasons();

    private Refused() {
    }

    /** Why {@code opcode} is outside the subset, or empty when it is in the {@link Insn} table. */
    public static Optional<String> reason(Opcode opcode) {
        return Optional.ofNullable(REASONS.get(opcode));
    }

    private static Map<Opcode, String> reasons() {
        Map<Opcode, String> m = new EnumMap<>(Opcode.class);
        for (Opcode op : Opcode.values()) {
            String name = op.name().toLowerCase(Locale.ROOT);
            if (name.startsWith("d") && !name.startsWith("dup") || name.endsWith("2d")) {
                m.put(op, DOUBLE); // dconst_0 .. dcmpg, dreturn, d2i d2l d2f, wide dload/dstore; i2d l2d f2d
            }
        }
        for (Opcode op : new Opcode[] {Opcode.NEW, Opcode.GETFIELD, Opcode.PUTFIELD, Opcode.CHECKCAST,
                Opcode.INSTANCEOF, Opcode.INVOKEVIRTUAL, Opcode.INVOKESPECIAL, Opcode.INVOKEINTERFACE}) {
            m.put(op, OBJECT);
        }
        for (Opcode op : new Opcode[] {Opcode.ANEWARRAY, Opcode.MULTIANEWARRAY, Opcode.AALOAD, Opcode.AASTORE}) {
            m.put(op, OBJECT_ARRAY);
        }
        m.put(Opcode.INVOKEDYNAMIC, INVOKEDYNAMIC);
        m.put(Opcode.ATHROW, THROW);
        m.put(Opcode.MONITORENTER, MONITOR);
        m.put(Opcode.MONITOREXIT, MONITOR);
        for (Opcode op : new Opcode[] {Opcode.JSR, Opcode.JSR_W, Opcode.RET, Opcode.RET_W}) {
            m.put(op, SUBROUTINE);
        }
        return m;
    }
}
