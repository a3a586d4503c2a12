package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.ops.OpTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The unsupported listing, the effective builtin code and option validation, on the bundled
 * hello_world model patched at positions found with the access layer (FULLY_CONNECTED ×3, one
 * operator code).
 */
class UnsupportedListingTest {
    private static final String NAME = "model.tflite";

    /** Table {@code i} of vector field {@code id} of {@code t}. */
    private static FbTable element(FlatBuffer fb, FbTable t, int id, int i) throws TfliteException {
        int vec = fb.reference(t.field(id, 4, "v"), "v");
        return fb.table(fb.reference(vec + 4 + 4 * i, "e"), "e", 2);
    }

    @Test
    void builtinNamesFollowTheSchema() {
        assertEquals("ADD", BuiltinNames.operator(0));
        assertEquals("LSTM", BuiltinNames.operator(16));
        assertEquals("UNIDIRECTIONAL_SEQUENCE_LSTM", BuiltinNames.operator(44));
        assertEquals("QUANTIZE", BuiltinNames.operator(114));
        assertEquals("REDUCE_WINDOW", BuiltinNames.operator(205));
        assertEquals("TEMP_STREAMING_CONV_2D", BuiltinNames.operator(225));
        assertEquals("BUILTIN_300", BuiltinNames.operator(300));
        assertEquals(89, BuiltinNames.optionsType("QuantizeOptions"));
        assertEquals("RightShiftOptions", BuiltinNames.options(126));
    }

    @Test
    void theEffectiveCodeIsTheLargerOfTheTwoFieldsAndUnsupportedOperatorsAreNamed() throws Exception {
        byte[] b = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(b, NAME);
        FbTable code = element(fb, fb.root("Model"), 1, 0);
        TfliteModel before = TfliteReader.read(b, NAME);
        assertEquals(9, before.operatorCodes().get(0).builtinCode());
        int deprecated = code.field(0, 1, "deprecated_builtin_code");
        b[deprecated] = 16;
        TfliteModel m = TfliteReader.read(b, NAME);
        assertEquals(16, m.operatorCodes().get(0).builtinCode());
        assertEquals(List.of("operator 0 (LSTM): unsupported operator", "operator 1 (LSTM): unsupported operator",
                "operator 2 (LSTM): unsupported operator"), m.unsupported());
        b[deprecated] = 32;
        assertEquals("operator 0 (CUSTOM ''): unsupported custom operator",
                TfliteReader.read(b, NAME).unsupported().get(0));
    }

    @Test
    void tensorsOfUnsupportedTypesAreListedOnceEach() throws Exception {
        byte[] b = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(b, NAME);
        FbTable sg = element(fb, fb.root("Model"), 2, 0);
        FbTable t0 = element(fb, sg, 0, 0);
        FbTable t7 = element(fb, sg, 0, 7);
        b[t0.field(1, 1, "type")] = 1; // float16: no FULLY_CONNECTED kernel takes it (float32 has a variant)
        b[t7.field(1, 1, "type")] = 4;
        // each line ends with what the operator's kernels take (every variant): the supported alternatives
        String takes = " (FULLY_CONNECTED takes int8, int16 or float32 input)";
        assertEquals(List.of(
                "operator 0 (FULLY_CONNECTED): tensor 0 'serving_default_dense_input:0' float16[1,1]: unsupported type float16"
                        + takes,
                "operator 0 (FULLY_CONNECTED): tensor 7 "
                        + "'sequential/dense/MatMul;sequential/dense/Relu;sequential/dense/BiasAdd' int64[1,16]: "
                        + "unsupported type int64" + takes), TfliteReader.read(b, NAME).unsupported());
    }

    @Test
    void optionsOfTheWrongTableOrOutOfRangeEnumsAreErrors() throws Exception {
        byte[] b = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(b, NAME);
        FbTable op = element(fb, element(fb, fb.root("Model"), 2, 0), 3, 0);
        int type = op.field(3, 1, "builtin_options_type");
        byte[] wrong = b.clone();
        wrong[type] = 5;
        TfliteException e = assertThrows(TfliteException.class, () -> TfliteReader.read(wrong, NAME));
        assertEquals("model.tflite: byte offset " + type + ": expected operator 0 (FULLY_CONNECTED) to have "
                + "builtin_options_type FullyConnectedOptions (8) or NONE (0), got Pool2DOptions (5)", e.getMessage());
        FbTable options = fb.table(fb.reference(op.field(4, 4, "builtin_options"), "o"), "o", 3);
        int act = options.field(0, 1, "fused_activation_function");
        b[act] = 9;
        e = assertThrows(TfliteException.class, () -> TfliteReader.read(b, NAME));
        assertTrue(e.getMessage().contains("fused_activation_function to be one of ActivationFunctionType (0..5), got 9"),
                e.getMessage());
        assertEquals(act, e.offset());
    }

    @Test
    void anOperatorWithoutOptionsTakesTheSchemaDefaults() throws Exception {
        byte[] b = TfliteFiles.helloWorld();
        FlatBuffer fb = new FlatBuffer(b, NAME);
        FbTable op = element(fb, element(fb, fb.root("Model"), 2, 0), 3, 2);
        b[op.field(3, 1, "builtin_options_type")] = 0;
        assertEquals("{asymmetric_quantize_inputs=false, fused_activation_function=NONE, keep_num_dims=false, "
                + "quantized_bias_type=FLOAT32, weights_format=DEFAULT}",
                TfliteReader.read(b, NAME).main().operators().get(2).options().toString());
    }
}
