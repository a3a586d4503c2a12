package dev.tinyj.conformance.kernels.svdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.CompileException;
import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.SvdfPrepare;
import dev.tinyj.emulator.toolchain.tflite.TfliteReader;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What SVDF's prepare and the compiler refuse, each with its reason. */
class SvdfPrepareTest {
    private static final Quantization Q = Quantization.perTensor(0.5f, 0);

    /** A valid int16 SVDF (batch 1, input 4, 2 units of rank 2, memory 3) with one tensor replaced. */
    private static String refusal(int replace, TensorInfo with, int rank) {
        TensorInfo[] t = {
            new TensorInfo(0, "input", DType.INT8, new int[] {1, 4}, Q, null),
            new TensorInfo(1, "weights_feature", DType.INT8, new int[] {4, 4}, Q, new byte[16]),
            new TensorInfo(2, "weights_time", DType.INT16, new int[] {4, 3}, Q, new byte[24]),
            new TensorInfo(3, "bias", DType.INT32, new int[] {2}, Quantization.perTensor(0.25f, 0), new byte[8]),
            new TensorInfo(4, "state", DType.INT16, new int[] {1, 12}, Q, null),
            new TensorInfo(5, "output", DType.INT8, new int[] {1, 2}, Q, null)};
        if (replace >= 0) {
            t[replace] = with;
        }
        OpContext ctx = new OpContext("SVDF", 0, Arrays.asList(t[0], t[1], t[2], t[3], t[4]), t[5],
                new OpOptions(Map.of("rank", Integer.toString(rank))));
        try {
            new SvdfPrepare().prepare(ctx);
            return null;
        } catch (PrepareException e) {
            return e.getMessage();
        }
    }

    @Test
    void refusesWhatTflmRefusesAndWhatTinyJLeavesOut() {
        assertEquals(null, refusal(-1, null, 2));
        assertTrue(refusal(-1, null, 3).contains("rank 3 does not divide the 4 filters"));
        assertTrue(refusal(-1, null, 0).contains("rank 0"));
        assertTrue(refusal(0, new TensorInfo(0, "input", DType.FLOAT32, new int[] {1, 4}, null, null), 2)
                .contains("the float SVDF path is not supported"));
        assertTrue(refusal(3, null, 2).contains("needs a bias"));
        assertTrue(refusal(4, new TensorInfo(4, "state", DType.INT8, new int[] {1, 12}, Q, null), 2)
                .contains("must have weights_time's type int16"));
        assertTrue(refusal(4, new TensorInfo(4, "state", DType.INT16, new int[] {1, 13}, Q, null), 2)
                .contains("must have shape [1,12]"));
        assertTrue(refusal(3, new TensorInfo(3, "bias", DType.INT32, new int[] {2}, Q, new byte[8]), 2)
                .contains("is not within 1e-5"));
        assertTrue(refusal(2, new TensorInfo(2, "weights_time", DType.INT32, new int[] {4, 3}, Q, new byte[48]), 2)
                .contains("unsupported type int32"));
    }

    @Test
    void aStateThatIsNotAVariableTensorIsRefused() {
        CompileException e = assertThrows(CompileException.class, () -> ModelCompiler.compile(
                TfliteReader.read(SvdfModels.chain(1, 1, 4, true, false), "c"), "c"));
        assertTrue(e.problems().contains("operator 0 (SVDF): input 4 tensor 4 'state0' int16[1,6] is the operator's"
                + " state, which must be a variable tensor (is_variable)"), e.problems().toString());
    }
}
