package dev.tinyj.emulator.toolchain.compile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Variable tensors ({@code is_variable}) that the compiler refuses: read outside a state position,
 * written as an operator's output, a model input. (Placement in the persistent region, on models
 * with a stateful operator, is tested with SVDF.)
 */
class VariableTensorsTest {
    private static final Quantization Q = Quantization.perTensor(0.5f, -3);

    /** in → ADD(in, in) → a, ADD(in, a) → out, with the tensors {@code variables} marked is_variable. */
    private static List<String> problems(Set<Integer> variables, int[] inputs) {
        List<TfliteSpec.Tensor> t = List.of(new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, 4}, null, Q),
                new TfliteSpec.Tensor("a", DType.INT8, new int[] {1, 4}, null, Q),
                new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 4}, null, Q));
        List<TfliteSpec.Operator> ops = List.of(
                new TfliteSpec.Operator("ADD", new int[] {0, 0}, new int[] {1}, OpOptions.none()),
                new TfliteSpec.Operator("ADD", new int[] {0, 1}, new int[] {2}, OpOptions.none()));
        byte[] b = TfliteWriter.write(new TfliteSpec("v", "main", t, ops, inputs, new int[] {2}),
                TfliteWriter.Extras.NONE.withVariableTensors(variables));
        CompileException e = assertThrows(CompileException.class,
                () -> ModelCompiler.compile(TfliteReader.read(b, "v"), "v"));
        return e.problems();
    }

    @Test
    void aVariableWrittenAsAnOutputOrReadOutsideAStatePositionIsRefused() {
        assertEquals(List.of("operator 0 (ADD): writes tensor 1 'a' int8[1,4] is a variable tensor (is_variable) as"
                + " its output; only a kernel's state operand may write one",
                "operator 1 (ADD): input 1 tensor 1 'a' int8[1,4] is a variable tensor (is_variable), which only a"
                + " stateful operator's state input may be"), problems(Set.of(1), new int[] {0}));
    }

    @Test
    void aVariableModelInputIsRefused() {
        List<String> p = problems(Set.of(0), new int[] {0});
        assertEquals("tensor 0 'in' int8[1,4] is a variable tensor (is_variable) and a model input; TinyJ keeps"
                + " variables in the arena's persistent region, outside the model's I/O", p.get(p.size() - 1));
    }

    @Test
    void aModelWithoutVariablesHasNoPersistentRegion() throws Exception {
        CompiledModel m = ModelCompiler.compile(TfliteReader.read(
                getClass().getResourceAsStream("/tflite/hello_world_int8.tflite").readAllBytes(), "hello"), "hello");
        assertEquals(0, m.persistentBytes());
        assertEquals(m.arenaBytes(), m.plannedBytes());
    }
}
