package dev.tinyj.emulator.vm.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.vm.insn.Insn;
import dev.tinyj.emulator.vm.insn.Refused;
import java.lang.classfile.Opcode;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The verifier allows exactly the instruction table's opcodes, and refuses the rest with their reason. */
class AllowedOpcodesTest {
    @Test
    void theVerifiersAllowedSetIsTheTable() {
        Set<String> allowed = new TreeSet<>();
        Set<String> table = new TreeSet<>();
        for (Opcode op : Opcode.values()) {
            String refusal = InstructionRules.refusal(op);
            if (refusal == null) {
                allowed.add(op.name());
            } else {
                assertEquals(Refused.reason(op).orElseThrow(), refusal, op.name());
            }
        }
        for (Insn i : Insn.values()) {
            table.add(i.opcode().name());
        }
        assertEquals(table, allowed);
    }
}
