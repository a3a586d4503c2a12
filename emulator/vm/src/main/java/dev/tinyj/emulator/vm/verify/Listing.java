package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.ExceptionCatch;
import java.lang.classfile.instruction.LineNumber;
import java.util.ArrayList;
import java.util.List;

/**
 * A method's code decoded once: each instruction with its bytecode offset and source line, and
 * its exception-table entries (JVMS §4.7.3). Lines come from the LineNumberTable (JVMS §4.7.12):
 * an instruction's line is that of the last entry starting at or before it, 0 before any entry.
 */
final class Listing {
    /** One instruction at its offset and line. */
    record Insn(Instruction instruction, int offset, int line) {
        /** Offset just past this instruction. */
        int end() {
            return offset + instruction.sizeInBytes();
        }
    }

    /** One exception-table entry: where its protected range starts, and what it catches. */
    record Catch(int startOffset, int line, String catchType) {
    }

    private static final Listing EMPTY = new Listing(List.of(), List.of(), 0);

    private final List<Insn> insns;
    private final List<Catch> catches;
    private final int firstLine;

    private Listing(List<Insn> insns, List<Catch> catches, int firstLine) {
        this.insns = insns;
        this.catches = catches;
        this.firstLine = firstLine;
    }

    /** A listing without instructions (a method whose code is not read). */
    static Listing empty() {
        return EMPTY;
    }

    /** Decodes {@code method}'s Code attribute; an empty listing when it has none. */
    static Listing of(MethodModel method) {
        CodeModel code = method.code().orElse(null);
        if (code == null) {
            return EMPTY;
        }
        List<Insn> insns = new ArrayList<>();
        List<int[]> lines = new ArrayList<>();
        List<ExceptionCatch> rawCatches = new ArrayList<>();
        int offset = 0;
        int line = 0;
        for (CodeElement e : code) {
            switch (e) {
                case LineNumber ln -> {
                    line = ln.line();
                    lines.add(new int[] {offset, line});
                }
                case Instruction i -> {
                    insns.add(new Insn(i, offset, line));
                    offset += i.sizeInBytes();
                }
                case ExceptionCatch c -> rawCatches.add(c);
                default -> {
                    // labels, local variable and stack map entries carry nothing the rules need
                }
            }
        }
        List<Catch> catches = new ArrayList<>();
        if (code instanceof CodeAttribute attr) {
            for (ExceptionCatch c : rawCatches) {
                int start = attr.labelToBci(c.tryStart());
                String type = c.catchType().map(t -> t.asInternalName()).orElse("any");
                catches.add(new Catch(start, lineAt(lines, start), type));
            }
        }
        int first = lines.isEmpty() ? 0 : lines.getFirst()[1];
        return new Listing(List.copyOf(insns), List.copyOf(catches), first);
    }

    private static int lineAt(List<int[]> lines, int offset) {
        int line = 0;
        for (int[] entry : lines) {
            if (entry[0] > offset) {
                break;
            }
            line = entry[1];
        }
        return line;
    }

    /** The instructions in code order. */
    List<Insn> insns() {
        return insns;
    }

    /** The exception-table entries in table order. */
    List<Catch> catches() {
        return catches;
    }

    /** Line of the first LineNumberTable entry, 0 when there is none. */
    int firstLine() {
        return firstLine;
    }
}
