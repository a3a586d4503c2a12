package dev.tinyj.conformance.kernels.table;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.toolchain.graph.DType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A vector case with its non-constant int8 and int16 inputs replaced by random values (shapes,
 * quantization and constants kept).
 */
final class RandomInputs {
    private RandomInputs() {
    }

    static KernelVectors.Case of(KernelVectors.Case c, Random r) {
        Map<Integer, KernelVectors.VTensor> tensors = new LinkedHashMap<>();
        for (Map.Entry<Integer, KernelVectors.VTensor> e : c.tensors().entrySet()) {
            KernelVectors.VTensor t = e.getValue();
            boolean int16 = t.dtype() == DType.INT16;
            boolean input = e.getKey() != c.output() && !t.constant() && (t.dtype() == DType.INT8 || int16)
                    && t.q() != null;
            if (input) {
                long[] q = new long[t.q().length];
                for (int k = 0; k < q.length; k++) {
                    q[k] = int16 ? r.nextInt(65536) - 32768 : r.nextInt(256) - 128;
                }
                t = new KernelVectors.VTensor(t.index(), t.role(), t.dtype(), t.shape(), t.quantization(), false, q,
                        null, null, t.tflmQ(), t.tflmFloat(), t.expectedStatus(), t.tflmShape());
            }
            tensors.put(e.getKey(), t);
        }
        return new KernelVectors.Case(c.file(), c.id() + " (random inputs)", c.op(), c.params(), c.inputs(),
                c.output(), tensors);
    }
}
