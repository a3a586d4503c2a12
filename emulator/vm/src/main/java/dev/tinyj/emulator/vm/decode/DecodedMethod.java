package dev.tinyj.emulator.vm.decode;

/**
 * A firmware method after predecoding: a flat {@code int[]} of instructions ({@link Op}) with
 * absolute branch targets and resolved operands, plus what the interpreter needs to set up a frame.
 * Built once per method by {@link Predecoder}; immutable afterwards.
 */
public final class DecodedMethod {
    /** Dense id (index in {@link Program#methods()}). */
    public final int id;
    public final String owner;
    public final String name;
    public final String descriptor;
    /** Source path for traces, e.g. {@code probe/Demo.java}. */
    public final String source;
    /** Instructions: {@code op | cycles << 8} then operands. */
    public int[] code;
    /** Per code index of an instruction start: its JVMS bytecode offset; -1 elsewhere. */
    public int[] bytecodeAt;
    /** Per code index of an instruction start: its source line (0 when unknown). */
    public int[] lineAt;
    /** Per code index of an instruction start: what it is charged, term by term; null elsewhere. */
    public dev.tinyj.emulator.vm.cost.CostRecipe[] recipeAt;
    /** JVM local slots (parameters first), from the Code attribute. */
    public final int maxLocals;
    /** JVM operand-stack slots, from the Code attribute. */
    public final int maxStack;
    /** Slots taken by the parameters (long = 2). */
    public final int argSlots;
    /** Slots of the return value: 0 (void), 1, or 2 (long). */
    public final int returnSlots;
    /** Guest stack-frame size in bytes (board memory model). */
    public final int frameBytes;
    /** Bytecode bytes counted toward flash (initialisers of @Progmem tables excluded). */
    public final int codeBytes;

    DecodedMethod(int id, String owner, String name, String descriptor, String source, int maxLocals,
            int maxStack, int argSlots, int returnSlots, int frameBytes, int codeBytes) {
        this.id = id;
        this.owner = owner;
        this.name = name;
        this.descriptor = descriptor;
        this.source = source;
        this.maxLocals = maxLocals;
        this.maxStack = maxStack;
        this.argSlots = argSlots;
        this.returnSlots = returnSlots;
        this.frameBytes = frameBytes;
        this.codeBytes = codeBytes;
    }

    /** {@code Demo.loop()V}: simple class name, method name and descriptor. */
    public String display() {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + descriptor;
    }

    /** Source line of the instruction at or before code index {@code pc}. */
    public int lineOf(int pc) {
        for (int k = Math.min(pc, lineAt.length - 1); k >= 0; k--) {
            if (bytecodeAt[k] >= 0) {
                return lineAt[k];
            }
        }
        return 0;
    }

    /** Bytecode offset of the instruction at or before code index {@code pc}. */
    public int bytecodeOf(int pc) {
        for (int k = Math.min(pc, bytecodeAt.length - 1); k >= 0; k--) {
            if (bytecodeAt[k] >= 0) {
                return bytecodeAt[k];
            }
        }
        return 0;
    }
}
