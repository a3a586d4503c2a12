package dev.tinyj.emulator.vm.cost;

import java.lang.classfile.Instruction;
import java.lang.classfile.Label;
import java.lang.constant.MethodTypeDesc;
import java.util.List;
import java.util.Map;

/** Entry point of the cost model for one method: the cost-table key of each instruction. */
public final class MethodCosts {
    private MethodCosts() {
    }

    /**
     * The cost model's decisions for {@code code}.
     *
     * @param code the method's instructions
     * @param labels index in {@code code} of the instruction each label binds to
     * @param type the method's descriptor (parameter widths)
     * @param maxLocals local slots
     * @param maxStack operand-stack slots
     * @param pointerBits the core's data pointer width, bits (an array index needs no more)
     */
    public static Plan plan(List<Instruction> code, Map<Label, Integer> labels, MethodTypeDesc type,
            int maxLocals, int maxStack, int pointerBits) {
        WidthAnalysis.Result r = new WidthAnalysis(code, labels, type, maxLocals, maxStack, pointerBits).run();
        String[] keys = new String[code.size()];
        for (int k = 0; k < keys.length; k++) {
            keys[k] = CostForms.key(code.get(k), k, r);
        }
        return new Plan(keys, r.select.clone(), r.localWidth.clone());
    }

    /**
     * The cost model's decisions for one method.
     *
     * @param keys per instruction, its cost key without {@code op.}
     * @param select per instruction, whether it is a branch if-converted into a select (never
     *     charged {@code branch_taken})
     * @param localWidth per local slot, the widest value stored in it, bits (8, 16, 32, 64; 0 when
     *     never written): what a compiler would allocate for it
     */
    public record Plan(String[] keys, boolean[] select, int[] localWidth) {
    }
}
