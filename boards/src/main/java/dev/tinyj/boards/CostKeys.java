package dev.tinyj.boards;

import java.util.ArrayList;
import java.util.List;

/**
 * The names every {@link CostTable} must price: each JVMS opcode of the TinyJ subset (mnemonics as
 * JVMS §6.5 spells them) and each named extra. The loader rejects a cost file that misses one or
 * names anything else, so the emulator can look any of these up without a fallback.
 */
public final class CostKeys {
    private CostKeys() {
    }

    /**
     * Opcodes of the TinyJ subset, grouped as JVMS §6.5 lists them. Absent on purpose: {@code double} and
     * object instructions, {@code aaload}/{@code aastore}, {@code athrow}, monitors, the
     * {@code invoke*} forms other than {@code invokestatic}, {@code jsr}/{@code ret}.
     */
    public static final List<String> OPCODES = opcodes();

    /**
     * Named extras, each in cycles (see {@code boards/README.md} for when the emulator charges each):
     * <ul>
     *   <li>{@code branch_taken}: added to a conditional branch ({@code if*}) when it is taken
     *   <li>{@code array_load_flash}: added per byte of an element loaded from an array in flash
     *   <li>{@code array_bounds_check}: per array access (load, store)
     *   <li>{@code invoke}: call and frame set-up, per {@code invokestatic} of a firmware method
     *   <li>{@code return}: frame tear-down and return, per {@code *return}
     *   <li>{@code invoke_per_arg_slot}: per argument slot moved into place
     *   <li>{@code switch_per_case}: per search step of {@code lookupswitch}
     *   <li>{@code newarray_per_byte}: zeroing, per byte of a new array's elements
     *   <li>{@code native_call}: call of a HAL native (before its own cost)
     *   <li>{@code serial_print}: one {@code Serial.print} of a number (formatting and buffer write)
     *   <li>{@code adc_read}: one {@code Adc.read} (conversion included)
     *   <li>{@code flash_read_short}, {@code flash_read_int}: the little-endian {@code Flash} reads
     *   <li>{@code arraycopy}, {@code arraycopy_per_byte}: {@code System.arraycopy}, fixed + per byte
     *   <li>{@code math_min_max_abs}, {@code math_min_max_abs_long}, {@code math_min_max_abs_float}:
     *       {@code Math.min/max/abs} on int, long, float
     *   <li>{@code clz}: {@code Integer.numberOfLeadingZeros}
     *   <li>{@code invoke_inlined}, {@code return_inlined}: call and return of a method small enough
     *       that an ahead-of-time compiler inlines it (docs/cost-model.md), instead of {@code invoke},
     *       {@code invoke_per_arg_slot} and {@code return}
     *   <li>{@code free}: always 0 ({@code Profiler} marks, {@code Float} bit casts)
     * </ul>
     */
    public static final List<String> EXTRAS = List.of(
            "branch_taken", "array_load_flash", "array_bounds_check", "invoke", "return",
            "invoke_per_arg_slot", "switch_per_case", "newarray_per_byte", "native_call",
            "serial_print", "adc_read", "flash_read_short", "flash_read_int", "arraycopy",
            "arraycopy_per_byte", "math_min_max_abs", "math_min_max_abs_long",
            "math_min_max_abs_float", "clz", "free", "invoke_inlined", "return_inlined");

    /**
     * Forms an opcode key may carry after its mnemonic, each a dot-separated suffix (e.g.
     * {@code imul.w16x16}, {@code idiv.pow2.w16}): {@code w8}/{@code w16} (width of the operation),
     * {@code w16x16}/{@code w32x16}/{@code w32} (multiply operand widths), {@code const} (a constant
     * factor), {@code pow2} (division by a constant power of two), {@code var} (shift by a variable
     * count), {@code fits} (a narrowing conversion of a value already that narrow), {@code seq} (an
     * array access walked by an induction variable, and the {@code iadd} of its index), {@code sel} (a
     * branch if-converted into a conditional select). The emulator's
     * cost model chooses them (docs/cost-model.md); a table prices a form only where it differs.
     */
    public static final List<String> FORMS = List.of("w8", "w16", "w16x16", "w32x16", "w32", "const", "pow2",
            "var", "fits", "seq", "sel");

    /** Whether {@code key} is an opcode of the subset followed by zero or more {@link #FORMS}. */
    public static boolean isOpcodeKey(String key) {
        String[] parts = key.split("\\.", -1);
        if (!OPCODES.contains(parts[0])) {
            return false;
        }
        for (int i = 1; i < parts.length; i++) {
            if (!FORMS.contains(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static List<String> opcodes() {
        List<String> ops = new ArrayList<>(List.of(
                "nop", "aconst_null", "iconst_m1", "iconst_0", "iconst_1", "iconst_2", "iconst_3",
                "iconst_4", "iconst_5", "lconst_0", "lconst_1", "fconst_0", "fconst_1", "fconst_2",
                "bipush", "sipush", "ldc", "ldc_w", "ldc2_w", "iload", "lload", "fload", "aload"));
        numbered(ops, "iload", "lload", "fload", "aload");
        ops.addAll(List.of("iaload", "laload", "faload", "baload", "caload", "saload",
                "istore", "lstore", "fstore", "astore"));
        numbered(ops, "istore", "lstore", "fstore", "astore");
        ops.addAll(List.of(
                "iastore", "lastore", "fastore", "bastore", "castore", "sastore",
                "pop", "pop2", "dup", "dup_x1", "dup_x2", "dup2", "dup2_x1", "dup2_x2", "swap",
                "iadd", "ladd", "fadd", "isub", "lsub", "fsub", "imul", "lmul", "fmul",
                "idiv", "ldiv", "fdiv", "irem", "lrem", "frem", "ineg", "lneg", "fneg",
                "ishl", "lshl", "ishr", "lshr", "iushr", "lushr", "iand", "land", "ior", "lor",
                "ixor", "lxor", "iinc", "i2l", "i2f", "l2i", "l2f", "f2i", "f2l", "i2b", "i2c", "i2s",
                "lcmp", "fcmpl", "fcmpg", "ifeq", "ifne", "iflt", "ifge", "ifgt", "ifle",
                "if_icmpeq", "if_icmpne", "if_icmplt", "if_icmpge", "if_icmpgt", "if_icmple",
                "if_acmpeq", "if_acmpne", "goto", "goto_w", "tableswitch", "lookupswitch",
                "ireturn", "lreturn", "freturn", "areturn", "return",
                "getstatic", "putstatic", "invokestatic", "newarray", "arraylength",
                "ifnull", "ifnonnull", "wide"));
        return List.copyOf(ops);
    }

    /** Adds {@code x_0 .. x_3} for each prefix, prefix by prefix (JVMS order). */
    private static void numbered(List<String> ops, String... prefixes) {
        for (String p : prefixes) {
            for (int n = 0; n <= 3; n++) {
                ops.add(p + "_" + n);
            }
        }
    }
}
