package dev.tinyj.emulator.toolchain.ops;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import java.util.List;

/**
 * Multiply-accumulates of one operator, the figure MLPerf Tiny and TFLM's profilers report, from
 * its operands, output and options ({@link dev.tinyj.emulator.toolchain.report.Macs} sums them).
 */
@FunctionalInterface
public interface MacCount {
    /**
     * @param inputs input tensors in operand order (null for absent ones)
     * @param output the output tensor
     * @param options the operator's builtin options
     */
    long of(List<TensorInfo> inputs, TensorInfo output, OpOptions options);

    /** No MACs (data movement, look-ups, nonlinearities). */
    MacCount NONE = (in, out, o) -> 0;

    /** One per output element (ADD, MUL). */
    MacCount PER_OUTPUT = (in, out, o) -> out.flatSize();

    /** Output elements × pool window ({@code filter_height} × {@code filter_width}; 1 × 1 when unreadable). */
    MacCount POOL_WINDOW = (in, out, o) -> out.flatSize() * window(o);

    private static long window(OpOptions o) {
        try {
            return (long) o.integer("filter_height", 1) * o.integer("filter_width", 1);
        } catch (PrepareException e) {
            return 1;
        }
    }
}
