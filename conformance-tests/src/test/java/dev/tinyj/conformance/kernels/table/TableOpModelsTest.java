package dev.tinyj.conformance.kernels.table;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.conformance.kernels.support.KernelVectors;
import dev.tinyj.emulator.run.HostInference;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.image.ImageWriter;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The tier-2 operators of issue 13 (SUM to RESIZE_BILINEAR) through the whole host pipeline rather
 * than a hand-built image: every in-scope vector case with no empty tensor written as a one-operator
 * {@code .tflite} ({@link TfliteWriter}, options encoded from the case; an output TFLM's test declares
 * flattened declared with the inferred shape; zero points outside int8, which the compiler refuses,
 * left out), read back, compiled by
 * {@link ModelCompiler} (arena plan, folded constants, int32 index tensors as model inputs and
 * outputs), written as an image and run on the host JVM; the output must be TFLM's bytes.
 */
class TableOpModelsTest {
    private static final List<String> FILES = List.of("sum.txt", "reduce_min.txt", "arg_min_max.txt", "slice.txt",
            "space_to_depth.txt", "depth_to_space.txt", "mirror_pad.txt", "gather.txt", "batch_to_space_nd.txt",
            "space_to_batch_nd.txt", "resize_bilinear.txt");

    @TestFactory
    Stream<DynamicTest> vectorCasesAsModels() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String file : FILES) {
            for (KernelVectors.Case c : KernelVectors.load(file)) {
                if ("ERROR".equals(c.outputTensor().expectedStatus()) || !OperatorTableHarnessTest.int8(c)
                        || c.tensors().values().stream().anyMatch(t -> Arrays.stream(t.shape()).anyMatch(d -> d == 0)
                                || t.quantization() != null && t.dtype() == DType.INT8
                                        && (t.quantization().zeroPoint0() < -128 || t.quantization().zeroPoint0() > 127))) {
                    continue;
                }
                tests.add(DynamicTest.dynamicTest(c.toString(), () -> check(c)));
            }
        }
        return tests.stream();
    }

    private static void check(KernelVectors.Case c) throws Exception {
        int[] prepared = OpTable.select(TfliteWriter.builtinCode(c.op()), c.input(0).dtype()).orElseThrow().prepare()
                .prepare(c.context()).outputShape();
        // TFLM's tests declare some reductions' outputs flattened; converters declare the inferred shape
        int[] declared = Arrays.equals(prepared, c.outputTensor().shape()) ? c.outputTensor().shape() : prepared;
        int count = c.tensors().keySet().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
        List<TfliteSpec.Tensor> tensors = new ArrayList<>();
        List<Integer> inputs = new ArrayList<>();
        ByteArrayOutputStream inputBytes = new ByteArrayOutputStream();
        for (int t = 0; t < count; t++) {
            KernelVectors.VTensor v = c.tensors().get(t);
            boolean constant = v.constant() && t != c.output();
            tensors.add(new TfliteSpec.Tensor(v.role(), v.dtype(), t == c.output() ? declared : v.shape(),
                    constant ? v.bytes() : null, v.quantization()));
            if (!constant && t != c.output()) {
                inputs.add(t);
                inputBytes.write(v.bytes());
            }
        }
        TfliteSpec spec = new TfliteSpec("TinyJ vector case", "main", tensors,
                List.of(new TfliteSpec.Operator(c.op(), c.inputs(), new int[] {c.output()}, c.context().options())),
                inputs.stream().mapToInt(Integer::intValue).toArray(), new int[] {c.output()});
        byte[] file = TfliteWriter.write(spec);
        CompiledModel model = ModelCompiler.compile(TfliteReader.read(file, c.id()), c.id());
        byte[] image = ImageWriter.write(model);
        assertArrayEquals(c.outputTensor().tflmBytes(), HostInference.outputs(model, image, inputBytes.toByteArray()),
                c.toString());
    }
}
