package dev.tinyj.emulator.vm.exec;

import dev.tinyj.emulator.vm.insn.Op;

/**
 * Arithmetic, comparison and conversion families of the interpreter, one JVMS §6.5 rule each.
 * Java's own operators have exactly the JVM semantics: wraparound, shift counts masked to 5 (int)
 * or 6 (long) bits, {@code MIN_VALUE / -1 == MIN_VALUE}, IEEE 754 float with round-to-nearest,
 * {@code f2i}/{@code f2l} saturating with NaN → 0, {@code frem} as C's {@code fmod}.
 * A divisor of 0 for {@code idiv}, {@code irem}, {@code ldiv}, {@code lrem} is a
 * {@link FaultKind#DIVIDE_BY_ZERO} fault, checked before dividing ({@link #divisor}).
 */
final class Alu {
    private Alu() {
    }

    /** ladd lsub lmul ldiv lrem land lor lxor (JVMS §6.5). */
    static long long2(int op, long a, long b) {
        return switch (op) {
            case Op.LADD -> a + b;
            case Op.LSUB -> a - b;
            case Op.LMUL -> a * b;
            case Op.LDIV -> a / divisor(b);
            case Op.LREM -> a % divisor(b);
            case Op.LAND -> a & b;
            case Op.LOR -> a | b;
            case Op.LXOR -> a ^ b;
            default -> throw new IllegalStateException("not a long op: " + op);
        };
    }

    /** {@code b}, checked non-zero (JVMS §6.5.idiv, §6.5.ldiv: division by zero throws). */
    static int divisor(int b) {
        if (b == 0) {
            throw divideByZero();
        }
        return b;
    }

    /** {@code b}, checked non-zero (JVMS §6.5.ldiv, §6.5.lrem). */
    static long divisor(long b) {
        if (b == 0) {
            throw divideByZero();
        }
        return b;
    }

    private static Trap divideByZero() {
        return new Trap(FaultKind.DIVIDE_BY_ZERO, "integer division by zero");
    }

    /** lshl lshr lushr: the count's low 6 bits (JVMS §6.5 lshl). */
    static long longShift(int op, long a, int n) {
        return switch (op) {
            case Op.LSHL -> a << n;
            case Op.LSHR -> a >> n;
            case Op.LUSHR -> a >>> n;
            default -> throw new IllegalStateException("not a long shift: " + op);
        };
    }

    /** fadd fsub fmul fdiv frem fcmpl fcmpg on raw float bits; result raw bits or -1/0/1. */
    static long float2(int op, int ab, int bb) {
        float a = Float.intBitsToFloat(ab);
        float b = Float.intBitsToFloat(bb);
        return switch (op) {
            case Op.FADD -> Float.floatToRawIntBits(a + b);
            case Op.FSUB -> Float.floatToRawIntBits(a - b);
            case Op.FMUL -> Float.floatToRawIntBits(a * b);
            case Op.FDIV -> Float.floatToRawIntBits(a / b);
            case Op.FREM -> Float.floatToRawIntBits(a % b);
            case Op.FCMPL -> a > b ? 1 : a == b ? 0 : a < b ? -1 : -1;
            case Op.FCMPG -> a > b ? 1 : a == b ? 0 : a < b ? -1 : 1;
            default -> throw new IllegalStateException("not a float op: " + op);
        };
    }

    /** fneg i2f f2i: one-slot to one-slot. */
    static long convert1(int op, long v) {
        return switch (op) {
            case Op.FNEG -> Float.floatToRawIntBits(-Float.intBitsToFloat((int) v));
            case Op.I2F -> Float.floatToRawIntBits((float) (int) v);
            case Op.F2I -> (int) Float.intBitsToFloat((int) v);
            default -> throw new IllegalStateException("not a conversion: " + op);
        };
    }

    /** i2l f2l: one slot to a long. */
    static long widen(int op, long v) {
        return switch (op) {
            case Op.I2L -> (int) v;
            case Op.F2L -> (long) Float.intBitsToFloat((int) v);
            default -> throw new IllegalStateException("not a widening: " + op);
        };
    }

    /** l2i l2f: a long to one slot. */
    static long narrow(int op, long v) {
        return switch (op) {
            case Op.L2I -> (int) v;
            case Op.L2F -> Float.floatToRawIntBits((float) v);
            default -> throw new IllegalStateException("not a narrowing: " + op);
        };
    }

    /** ifeq..ifle against zero. */
    static boolean test(int op, int v) {
        return switch (op) {
            case Op.IFEQ -> v == 0;
            case Op.IFNE -> v != 0;
            case Op.IFLT -> v < 0;
            case Op.IFGE -> v >= 0;
            case Op.IFGT -> v > 0;
            case Op.IFLE -> v <= 0;
            default -> throw new IllegalStateException("not an if: " + op);
        };
    }

    /** if_icmpeq..if_icmple. */
    static boolean compare(int op, int a, int b) {
        return switch (op) {
            case Op.IF_ICMPEQ -> a == b;
            case Op.IF_ICMPNE -> a != b;
            case Op.IF_ICMPLT -> a < b;
            case Op.IF_ICMPGE -> a >= b;
            case Op.IF_ICMPGT -> a > b;
            case Op.IF_ICMPLE -> a <= b;
            default -> throw new IllegalStateException("not an if_icmp: " + op);
        };
    }

    /** lookupswitch: binary search over ascending keys; returns the target code index. */
    static int lookup(int[] code, int pc, int key) {
        int lo = 0;
        int hi = code[pc + 2] - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int k = code[pc + 3 + 2 * mid];
            if (k < key) {
                lo = mid + 1;
            } else if (k > key) {
                hi = mid - 1;
            } else {
                return code[pc + 4 + 2 * mid];
            }
        }
        return code[pc + 1];
    }
}
