package dev.tinyj.conformance.kernels.table;

import dev.tinyj.emulator.toolchain.ops.Bridge;
import dev.tinyj.emulator.toolchain.ops.OpSpec;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.ops.Operands;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The operator table in {@code docs/kernels.md} is generated from {@link OpTable} and must match it.
 * Run with {@code -Dtinyj.writeDocs=true} to rewrite the table in place after adding an operator.
 */
class OperatorDocsTableTest {
    static final String BEGIN = "<!-- operator table: generated from OpTable (OperatorDocsTableTest), do not edit -->";
    static final String END = "<!-- end of operator table -->";

    @Test
    void docsListEveryOperatorOfTheTable() throws IOException {
        DocSection.check(Path.of("../docs/kernels.md"), BEGIN, END, table());
    }

    /** The markdown table: one row per operator, by op code. */
    static String table() {
        StringBuilder sb = new StringBuilder();
        sb.append("| code | op (builtin) | kernel | operands: count, read, folded, optional | in place | options | "
                + "kernel panics | notes |\n");
        sb.append("|---:|---|---|---|---|---|---|---|\n");
        for (OpTable.Entry e : OpTable.entries()) {
            OpSpec s = e.spec();
            Bridge b = s.bridge();
            sb.append("| ").append(e.code()).append(" | ").append(s.name()).append(" (").append(s.builtinCode())
                    .append(s.variant().isEmpty() ? ")" : "), " + s.variant() + " variant").append(" | `").append(b.kernel().getSimpleName()).append('.').append(b.method())
                    .append("` | ").append(operands(s.operands())).append(" | ")
                    .append(s.inPlace().name().toLowerCase(Locale.ROOT)).append(" | ")
                    .append(s.optionsTable() == null ? "none" : s.optionsTable()).append(" | ")
                    .append(s.panics().isEmpty() ? "" : String.join(", ", s.panics().keySet().stream().sorted()
                            .map(c -> String.format("0x%04x", c)).toList()))
                    .append(" | ").append(s.summary()).append(" |\n");
        }
        return sb.toString();
    }

    private static String operands(Operands o) {
        String count = o.min() == o.max() ? Integer.toString(o.min()) : o.min() + "-" + o.max();
        return count + "; read " + bits(o.read()) + "; folded " + bits(o.folded()) + "; optional " + bits(o.optional())
                + (o.state() == 0 ? "" : "; state " + bits(o.state()))
                + (o.omitted() == 0 ? "" : "; omitted from the image " + bits(o.omitted()));
    }

    private static String bits(int mask) {
        List<String> ks = new ArrayList<>();
        for (int k = 0; k < 32; k++) {
            if ((mask >>> k & 1) != 0) {
                ks.add(Integer.toString(k));
            }
        }
        return ks.isEmpty() ? "-" : String.join(",", ks);
    }
}
