package dev.tinyj.conformance.hostile;

import static java.lang.classfile.Opcode.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.classfile.Opcode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Mutants of javac-compiled seed firmware for the fuzzer property: byte flips, truncations,
 * constant-pool entry swaps, and generated loop() bodies of random instructions whose stack
 * effects need not add up. Every mutant is a deterministic function of its seed and parameters, so
 * a failing try is reproduced from its description.
 */
final class Mutants {
    /** The seeds: internal name of each javac-compiled firmware class (compiled with the tests). */
    static final List<String> SEEDS = List.of("fw/hostile/Seed", "fw/cli/Hello", "fw/heldout/Checksums");

    private Mutants() {
    }

    /** The class file of seed {@code internalName}, as javac wrote it. */
    static byte[] seed(String internalName) {
        try (InputStream in = Mutants.class.getResourceAsStream("/" + internalName + ".class")) {
            if (in == null) {
                throw new IllegalStateException("seed " + internalName + " is not among the test classes");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** XORs {@code masks[i]} (non-zero) into the byte at {@code positions[i] mod length}. */
    static byte[] flip(byte[] seed, int[] positions, int[] masks) {
        byte[] b = seed.clone();
        for (int i = 0; i < positions.length; i++) {
            int at = Math.floorMod(positions[i], b.length);
            b[at] ^= (byte) (masks[i] == 0 ? 1 : masks[i]);
        }
        return b;
    }

    /** The first {@code length mod seed.length} bytes. */
    static byte[] truncate(byte[] seed, int length) {
        return Arrays.copyOf(seed, Math.floorMod(length, seed.length));
    }

    /**
     * Swaps constant-pool entry {@code a} with the {@code b}-th other entry of the same size (so
     * the file still parses and every reference now points at the other's contents).
     */
    static byte[] swapPool(byte[] seed, int a, int b) {
        ClassBytes c = new ClassBytes(seed);
        ClassBytes.Entry x = c.pool.get(Math.floorMod(a, c.pool.size()));
        List<ClassBytes.Entry> same = c.pool.stream()
                .filter(e -> e != x && e.end() - e.offset() == x.end() - x.offset()).toList();
        if (same.isEmpty()) {
            return seed;
        }
        ClassBytes.Entry y = same.get(Math.floorMod(b, same.size()));
        byte[] out = seed.clone();
        System.arraycopy(seed, x.offset(), out, y.offset(), x.end() - x.offset());
        System.arraycopy(seed, y.offset(), out, x.offset(), y.end() - y.offset());
        return out;
    }

    /** The instructions generated bodies draw from: no operands or small ones, every stack effect. */
    private static final Opcode[] MENU = {ICONST_0, ICONST_1, ICONST_M1, FCONST_1, LCONST_1, ACONST_NULL, IADD, ISUB,
        IMUL, IDIV, IREM, FADD, LADD, LMUL, I2F, F2I, I2L, L2I, I2B, INEG, POP, POP2, DUP, DUP_X1, DUP2, SWAP,
        ARRAYLENGTH, IALOAD, BALOAD, IASTORE, ISTORE_0, ISTORE_1, ILOAD_0, ILOAD_1, FLOAD_0, LLOAD_0, LSTORE_0,
        ALOAD_0, ASTORE_0, IRETURN, RETURN, NOP};

    /**
     * A firmware class {@code hx/Gen} whose loop() is {@code ops} (indices into a menu of
     * instructions, plus {@code newarray int}, a forward {@code ifeq}, a backward {@code goto},
     * {@code getstatic}/{@code putstatic} of an int and an int[] field and {@code Serial.println(I)})
     * ended by {@code return}, declaring {@code maxStack} and {@code maxLocals}.
     */
    static byte[] generated(int[] ops, int maxStack, int maxLocals) {
        Gen g = Gen.firmware("hx/Gen").field("n", "I", 8).field("a", "[I", 8);
        int n = g.fieldRef("hx/Gen", "n", "I");
        int arr = g.fieldRef("hx/Gen", "a", "[I");
        int println = g.println();
        Asm a = new Asm();
        List<Integer> starts = new ArrayList<>();
        for (int op : ops) {
            starts.add(a.pc());
            int k = Math.floorMod(op, MENU.length + 7);
            switch (k - MENU.length) {
                case 0 -> a.op1(NEWARRAY, 10);
                case 1 -> a.op2(IFEQ, 4).op(NOP);
                case 2 -> a.op2(GOTO, starts.get(Math.floorMod(op >> 8, starts.size())) - a.pc() + 0x10000 & 0xFFFF);
                case 3 -> a.op2(GETSTATIC, n);
                case 4 -> a.op2(PUTSTATIC, arr);
                case 5 -> a.op2(GETSTATIC, arr);
                case 6 -> a.op2(INVOKESTATIC, println);
                default -> a.op(MENU[k]);
            }
        }
        a.op(RETURN);
        return g.raw("loop", "()V", Math.floorMod(maxStack, 8), Math.floorMod(maxLocals, 4), a).bytes();
    }
}
