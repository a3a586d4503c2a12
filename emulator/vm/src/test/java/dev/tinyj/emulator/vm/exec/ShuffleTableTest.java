package dev.tinyj.emulator.vm.exec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.Op;
import dev.tinyj.emulator.vm.insn.StackEffect;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The interpreter's stack shuffles against the instruction table: for every shuffle entry, the
 * slots {@code pop}, {@code dup*} and {@code swap} leave are the ones the table's permutation names
 * (the width analysis moves values by the same permutation).
 */
class ShuffleTableTest {
    @Test
    void everyShuffleMovesTheSlotsTheTableNames() {
        int checked = 0;
        for (Insn insn : Insn.values()) {
            StackEffect e = insn.effect();
            if (!e.isShuffle()) {
                continue;
            }
            int n = e.pops().size();
            long[] s = new long[16];
            int base = 4;
            for (int i = 0; i < n; i++) {
                s[base + i] = 100 + n - i; // the slot JVMS numbers k holds 100 + k
            }
            int sp = apply(insn.op(), s, base + n);
            long[] expected = e.pushes().stream().mapToLong(k -> 100 + Integer.parseInt(k)).toArray();
            assertArrayEquals(expected, Arrays.copyOfRange(s, base, sp), insn.toString());
            checked++;
        }
        assertTrue(checked == 9, "shuffles checked: " + checked);
    }

    /** What the interpreter's loop does for a shuffle op (pop, pop2 and dup inline; the rest in {@link Shuffle}). */
    private static int apply(int op, long[] s, int sp) {
        return switch (op) {
            case Op.POP -> sp - 1;
            case Op.POP2 -> sp - 2;
            case Op.DUP -> {
                s[sp] = s[sp - 1];
                yield sp + 1;
            }
            default -> Shuffle.apply(op, s, sp);
        };
    }
}
