package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.CodeElement;
import java.lang.classfile.CodeModel;
import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.BranchInstruction;
import java.lang.classfile.instruction.LabelTarget;
import java.lang.classfile.instruction.LookupSwitchInstruction;
import java.lang.classfile.instruction.ReturnInstruction;
import java.lang.classfile.instruction.SwitchCase;
import java.lang.classfile.instruction.TableSwitchInstruction;
import java.lang.constant.ClassDesc;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.List;
import java.util.TreeMap;

/**
 * Type checking by type inference (JVMS §4.10.2, the verifier for class files without a
 * StackMapTable, used here for every version from 45 up; the StackMapTable is never read): a
 * data-flow analysis over a method's code that computes, at every instruction reached from the
 * entry, the type of each local variable and operand stack slot ({@link Frame}, {@link VType}), and
 * refuses the method where an instruction's operands do not have the types it needs
 * ({@link TypeTransfer}).
 *
 * <p>Steps:
 * <ol>
 *   <li>Decode: each instruction's offset (sizes summed in code order, {@link Listing}); a branch
 *       or switch target is the offset the class file states, and one that is not an
 *       instruction start found this way is a violation (JVMS §4.9.2). A target must also be
 *       bound in the code's element stream, which {@code java.lang.classfile} does for version
 *       45–50 code by scanning it and for later versions only where the StackMapTable has a
 *       frame (JVMS §4.10.1 requires one at every branch target there); the predecoder and the
 *       cost analyses find targets that way.
 *   <li>Entry frame: the parameters' types in locals 0.. (static methods only), every other local
 *       unusable, the stack empty.
 *   <li>Work list (JVMS §4.10.2.2): frames are kept at block starts (the entry and every branch
 *       target); a pending block is run instruction by instruction from a copy of its frame until
 *       a {@code goto}, switch or return, or until the next instruction starts another block. At
 *       each edge the frame is merged into the target's ({@link Frame#merge}); a target whose
 *       frame changed is pending again. Frames only rise in a lattice of height 3, so this ends.
 *   <li>A violation stops the block it is found in (what follows would only repeat it); other
 *       blocks go on, so independent errors in one method are all reported, each once. Running
 *       past the last instruction is a violation ("falls off the end", JVMS §4.9.2).
 *   <li>When the method type-checks, an instruction no path reaches is a violation: TinyJ's
 *       later passes (predecoder, cost analyses) read every instruction, so each must be typed.
 * </ol>
 *
 * <p>Limits, checked before the frames are allocated: {@link #FRAME_SLOT_LIMIT} slots over all
 * kept frames, and {@link #WORK_LIMIT} steps (an instruction, or one slot of a frame copied or
 * merged) per method. javac's methods are far below both; a method beyond either is refused
 * with a message naming the limit, so a hostile method cannot make the verifier slow or large.
 */
final class TypeInference {
    /** Most local and stack slots kept over all block-start frames of one method. */
    static final long FRAME_SLOT_LIMIT = 4_000_000;
    /** Most steps of one method's inference (instructions run plus frame slots copied or merged). */
    static final long WORK_LIMIT = 50_000_000;

    /**
     * One violation.
     *
     * @param index the instruction it sits at, -1 for the method as a whole
     * @param reason javac-style reason
     * @param backup whether it comes from a declared type outside the subset (a field's, a
     *     callee's, a parameter's), which the rules on declared types report in their own words: the
     *     caller reports it only when nothing else refused the program
     */
    record Problem(int index, String reason, boolean backup) {
        Problem(int index, String reason) {
            this(index, reason, false);
        }
    }

    private final List<Listing.Insn> insns;
    private final int[] indexOfOffset;
    private final CodeAttribute attr;
    /** The labels the code's element stream binds ({@code LabelTarget}s), which later passes look targets up in. */
    private final Set<Label> bound;
    private final int codeLength;
    private final TypeTransfer transfer;
    private final boolean[] blockStart;
    private final Frame[] frames;
    private final BitSet pending = new BitSet();
    private final boolean[] reached;
    private final TreeMap<Integer, String> found = new TreeMap<>();
    /** A declared type outside the subset stopped the inference ({@link Problem#backup()}). */
    private Problem backup;
    private long work;

    private TypeInference(List<Listing.Insn> insns, CodeAttribute attr, Set<Label> bound, String returnDescriptor) {
        this.insns = insns;
        this.attr = attr;
        this.bound = bound;
        this.codeLength = insns.isEmpty() ? 0 : insns.getLast().end();
        this.indexOfOffset = new int[codeLength + 1];
        java.util.Arrays.fill(indexOfOffset, -1);
        for (int i = 0; i < insns.size(); i++) {
            indexOfOffset[insns.get(i).offset()] = i;
        }
        this.transfer = new TypeTransfer(returnDescriptor);
        this.blockStart = new boolean[insns.size()];
        this.frames = new Frame[insns.size()];
        this.reached = new boolean[insns.size()];
    }

    /**
     * Type-checks static method {@code method}, whose code {@code listing} decoded.
     *
     * @return every violation found, in offset order ({@link Problem#index()} -1 for the method as a
     *     whole); empty when the method type-checks or has no code (a missing Code attribute is a
     *     structural rule, not a type rule)
     */
    static List<Problem> check(MethodModel method, Listing listing) {
        CodeModel code = method.code().orElse(null);
        if (code == null) {
            return List.of();
        }
        if (!(code instanceof CodeAttribute attr)) {
            throw new IllegalArgumentException("code of " + method.methodName() + " was not read from a class file");
        }
        Set<Label> bound = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CodeElement e : code) {
            if (e instanceof LabelTarget t) {
                bound.add(t.label());
            }
        }
        String returnDescriptor = method.methodTypeSymbol().returnType().descriptorString();
        TypeInference inference = new TypeInference(listing.insns(), attr, bound, returnDescriptor);
        return inference.run(method, attr.maxLocals(), attr.maxStack());
    }

    private List<Problem> run(MethodModel method, int maxLocals, int maxStack) {
        if (insns.isEmpty()) {
            return List.of(new Problem(-1, "empty code: the method falls off its end at once"));
        }
        Frame entry = new Frame(maxLocals, maxStack);
        int slot = 0;
        for (ClassDesc p : method.methodTypeSymbol().parameterList()) {
            VType t = VType.ofDescriptor(p.descriptorString());
            if (t == null || t == VType.STRING) {
                return List.of(new Problem(-1, "parameter type " + p.descriptorString() + " is not in the subset", true));
            }
            int slots = t == VType.LONG ? 2 : 1;
            if (slot + slots > maxLocals) {
                return List.of(new Problem(-1, "the parameters need more than max_locals (" + maxLocals
                        + ") local variable slots"));
            }
            entry.store(slot, t);
            slot += slots;
        }
        String bad = markBlockStarts();
        if (bad != null) {
            return problems();
        }
        long kept = 0;
        for (boolean b : blockStart) {
            kept += b ? entry.size() : 0;
        }
        if (kept > FRAME_SLOT_LIMIT) {
            return List.of(new Problem(-1, "too large to type-check: " + kept + " frame slots (branch targets ×"
                    + " (max_locals + max_stack)) exceed the limit of " + FRAME_SLOT_LIMIT + "; split the method"));
        }
        frames[0] = entry;
        pending.set(0);
        for (int i = pending.nextSetBit(0); i >= 0; i = pending.nextSetBit(0)) {
            pending.clear(i);
            runBlock(i);
            if (backup != null) {
                return List.of(backup);
            }
            if (work > WORK_LIMIT) {
                return List.of(new Problem(-1, "too complex to type-check: more than " + WORK_LIMIT
                        + " inference steps; split the method"));
            }
        }
        if (found.isEmpty()) {
            for (int i = 0; i < reached.length; i++) {
                if (!reached[i]) {
                    found.put(i, "unreachable bytecode: no path from the method's start reaches it; remove it");
                    break;
                }
            }
        }
        return problems();
    }

    private List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        found.forEach((i, reason) -> out.add(new Problem(i, reason)));
        return out;
    }

    /** Marks the entry and every branch and switch target; records a target that is no instruction start. */
    private String markBlockStarts() {
        blockStart[0] = true;
        String bad = null;
        for (int i = 0; i < insns.size(); i++) {
            for (Label l : targets(insns.get(i).instruction())) {
                int t = indexOf(l);
                if (t < 0) {
                    bad = "branch target " + describeTarget(l) + " is not the start of an instruction";
                    found.putIfAbsent(i, bad);
                } else if (!bound.contains(l)) {
                    bad = "branch target " + describeTarget(l) + " has no StackMapTable frame: class files of version"
                            + " 51 and later need one at every branch target (JVMS §4.10.1); recompile with javac";
                    found.putIfAbsent(i, bad);
                } else {
                    blockStart[t] = true;
                }
            }
        }
        return bad;
    }

    private String describeTarget(Label l) {
        int at = attr.labelToBci(l);
        return at < 0 || at >= codeLength ? "(outside the code)" : "bytecode " + at;
    }

    /**
     * The instruction index a branch target names, or -1. A label's offset is the one the class
     * file states ({@link CodeAttribute#labelToBci}); whether an instruction starts there is decided
     * by this class's own offsets, not the library's labels.
     */
    private int indexOf(Label l) {
        int at = attr.labelToBci(l);
        return at < 0 || at >= codeLength ? -1 : indexOfOffset[at];
    }

    private static List<Label> targets(Instruction ins) {
        return switch (ins) {
            case BranchInstruction b -> List.of(b.target());
            case TableSwitchInstruction s -> withDefault(s.defaultTarget(), s.cases());
            case LookupSwitchInstruction s -> withDefault(s.defaultTarget(), s.cases());
            default -> List.of();
        };
    }

    private static List<Label> withDefault(Label dflt, List<SwitchCase> cases) {
        List<Label> out = new ArrayList<>(cases.size() + 1);
        out.add(dflt);
        for (SwitchCase c : cases) {
            out.add(c.target());
        }
        return out;
    }

    /** Runs the block starting at instruction {@code start} from its frame, merging into its successors. */
    private void runBlock(int start) {
        Frame f = frames[start].copy();
        work += f.size();
        int i = start;
        while (true) {
            reached[i] = true;
            Instruction ins = insns.get(i).instruction();
            work++;
            try {
                transfer.apply(ins, f);
            } catch (TypeError e) {
                if (e.backup) {
                    backup = new Problem(i, e.getMessage(), true);
                } else {
                    found.putIfAbsent(i, e.getMessage());
                }
                return;
            }
            for (Label l : targets(ins)) {
                flowTo(indexOf(l), f);
            }
            if (ends(ins)) {
                return;
            }
            if (i + 1 == insns.size()) {
                found.putIfAbsent(i, "falls off the end of the code: the last instruction must be a return,"
                        + " goto or switch");
                return;
            }
            i++;
            if (blockStart[i]) {
                flowTo(i, f);
                return;
            }
        }
    }

    /** Whether control never goes on to the next instruction. */
    private static boolean ends(Instruction ins) {
        Opcode op = ins.opcode();
        return ins instanceof ReturnInstruction || ins instanceof TableSwitchInstruction
                || ins instanceof LookupSwitchInstruction || op == Opcode.GOTO || op == Opcode.GOTO_W;
    }

    /** Merges {@code f} into the frame of block start {@code target}; a conflict is reported at the target. */
    private void flowTo(int target, Frame f) {
        work += f.size();
        Frame there = frames[target];
        if (there == null) {
            frames[target] = f.copy();
            pending.set(target);
            return;
        }
        try {
            if (there.merge(f)) {
                pending.set(target);
            }
        } catch (TypeError e) {
            found.putIfAbsent(target, e.getMessage());
        }
    }
}
