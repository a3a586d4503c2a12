package dev.tinyj.conformance.hostile;

import java.io.ByteArrayOutputStream;
import java.lang.classfile.Opcode;

/**
 * Raw JVM bytecode (JVMS §6.5), written byte by byte so a hostile case can say exactly what the
 * API would refuse: a branch into an operand, a switch with {@code low > high}, an unknown
 * {@code newarray} type. Offsets are relative to the instruction, as in the class file.
 */
final class Asm {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static Asm of(Opcode... ops) {
        Asm a = new Asm();
        for (Opcode o : ops) {
            a.op(o);
        }
        return a;
    }

    /** The offset the next instruction gets. */
    int pc() {
        return out.size();
    }

    Asm op(Opcode o) {
        out.write(o.bytecode());
        return this;
    }

    /** An instruction with a one-byte operand (bipush, newarray, iload ...). */
    Asm op1(Opcode o, int operand) {
        return op(o).u1(operand);
    }

    /** An instruction with a two-byte operand (sipush, a constant-pool index, a branch offset). */
    Asm op2(Opcode o, int operand) {
        return op(o).u2(operand);
    }

    /** The {@code wide} prefix (0xc4), which {@link Opcode} folds into the wide forms. */
    Asm wide() {
        return u1(0xC4);
    }

    Asm u1(int v) {
        out.write(v);
        return this;
    }

    Asm u2(int v) {
        out.write(v >> 8);
        out.write(v);
        return this;
    }

    Asm u4(int v) {
        return u2(v >> 16).u2(v);
    }

    /** Zero bytes up to the next multiple of four (the padding after a switch opcode). */
    Asm pad() {
        while (out.size() % 4 != 0) {
            out.write(0);
        }
        return this;
    }

    /** Several ops. */
    Asm ops(Opcode... ops) {
        for (Opcode o : ops) {
            op(o);
        }
        return this;
    }

    byte[] bytes() {
        return out.toByteArray();
    }
}
