package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.compile.ModelCompiler;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link TfliteWriter} on specs made by hand: every option, operator codes, tensor kinds, errors. */
class TfliteWriterTest {
    private static final TfliteSpec.Tensor IN = new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, 4}, null,
            Quantization.perTensor(0.5f, -3));
    private static final TfliteSpec.Tensor OUT = new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 4}, null,
            Quantization.perTensor(0.25f, 7));

    private static TfliteSpec oneOp(String op, Map<String, String> options) {
        return new TfliteSpec("d", "main", List.of(IN, OUT), List.of(new TfliteSpec.Operator(op, new int[] {0},
                new int[] {1}, new OpOptions(options))), new int[] {0}, new int[] {1});
    }

    private static TfliteModel roundTrip(TfliteSpec spec) throws Exception {
        return TfliteReader.read(TfliteWriter.write(spec), "written");
    }

    private static Map<String, String> map(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    /** Every option field the reader decodes, set away from its default, then all at their defaults. */
    private static final Map<String, List<Map<String, String>>> OPTIONS = Map.ofEntries(
            Map.entry("CONV_2D", List.of(map("padding", "VALID", "stride_w", "2", "stride_h", "3",
                    "fused_activation_function", "RELU6", "dilation_w_factor", "4", "dilation_h_factor", "5",
                    "quantized_bias_type", "INT32"),
                    map("padding", "SAME", "stride_w", "0", "stride_h", "0", "fused_activation_function", "NONE",
                            "dilation_w_factor", "1", "dilation_h_factor", "1", "quantized_bias_type", "FLOAT32"))),
            Map.entry("DEPTHWISE_CONV_2D", List.of(map("padding", "VALID", "stride_w", "2", "stride_h", "1",
                    "depth_multiplier", "3", "fused_activation_function", "RELU_N1_TO_1", "dilation_w_factor", "2",
                    "dilation_h_factor", "3"))),
            Map.entry("FULLY_CONNECTED", List.of(map("fused_activation_function", "RELU", "weights_format",
                    "SHUFFLED4x16INT8", "keep_num_dims", "true", "asymmetric_quantize_inputs", "true",
                    "quantized_bias_type", "INT64"),
                    map("fused_activation_function", "NONE", "weights_format", "DEFAULT", "keep_num_dims", "false",
                            "asymmetric_quantize_inputs", "false", "quantized_bias_type", "FLOAT32"))),
            Map.entry("AVERAGE_POOL_2D", List.of(map("padding", "VALID", "stride_w", "2", "stride_h", "2",
                    "filter_width", "3", "filter_height", "4", "fused_activation_function", "TANH"))),
            Map.entry("MAX_POOL_2D", List.of(map("padding", "SAME", "stride_w", "1", "stride_h", "2",
                    "filter_width", "2", "filter_height", "2", "fused_activation_function", "SIGN_BIT"))),
            Map.entry("SOFTMAX", List.of(map("beta", "1.0"), map("beta", "0.0"), map("beta", "3.4028235E38"))),
            Map.entry("ADD", List.of(map("fused_activation_function", "RELU", "pot_scale_int16", "false"),
                    map("fused_activation_function", "NONE", "pot_scale_int16", "true"))),
            Map.entry("MUL", List.of(map("fused_activation_function", "RELU6"))),
            Map.entry("RESHAPE", List.of(map("new_shape", "1,2,-1"), map("new_shape", ""), map())),
            Map.entry("CONCATENATION", List.of(map("axis", "-1", "fused_activation_function", "RELU"))),
            Map.entry("MEAN", List.of(map("keep_dims", "true"), map("keep_dims", "false"))),
            Map.entry("STRIDED_SLICE", List.of(map("begin_mask", "1", "end_mask", "2", "ellipsis_mask", "4",
                    "new_axis_mask", "8", "shrink_axis_mask", "16", "offset", "true"))));

    private static final Map<String, String> TABLES = Map.ofEntries(Map.entry("CONV_2D", "Conv2DOptions"),
            Map.entry("DEPTHWISE_CONV_2D", "DepthwiseConv2DOptions"),
            Map.entry("FULLY_CONNECTED", "FullyConnectedOptions"), Map.entry("AVERAGE_POOL_2D", "Pool2DOptions"),
            Map.entry("MAX_POOL_2D", "Pool2DOptions"), Map.entry("SOFTMAX", "SoftmaxOptions"),
            Map.entry("ADD", "AddOptions"), Map.entry("MUL", "MulOptions"), Map.entry("RESHAPE", "ReshapeOptions"),
            Map.entry("CONCATENATION", "ConcatenationOptions"), Map.entry("MEAN", "ReducerOptions"),
            Map.entry("STRIDED_SLICE", "StridedSliceOptions"));

    @Test
    void everyOptionReadsBackAsWritten() throws Exception {
        for (var e : OPTIONS.entrySet()) {
            for (Map<String, String> options : e.getValue()) {
                TfliteModel m = roundTrip(oneOp(e.getKey(), options));
                TfliteModel.Operator op = m.main().operators().get(0);
                assertEquals(new OpOptions(options).toString(), op.options().toString(), e.getKey() + " " + options);
                String table = e.getKey().equals("RESHAPE") && options.isEmpty() ? "NONE" : TABLES.get(e.getKey());
                assertEquals(table, BuiltinNames.options(op.optionsType()), e.getKey() + " " + options);
            }
        }
    }

    @Test
    void defaultsAreLeftOutSoOmittedAndExplicitDefaultsWriteTheSameBytes() {
        assertArrayEquals(TfliteWriter.write(oneOp("CONV_2D", OPTIONS.get("CONV_2D").get(1))),
                TfliteWriter.write(oneOp("CONV_2D", map())));
        assertArrayEquals(TfliteWriter.write(oneOp("ADD", map("pot_scale_int16", "true"))),
                TfliteWriter.write(oneOp("ADD", map())));
    }

    @Test
    void operatorCodesCarryBothCodes() throws Exception {
        TfliteSpec spec = new TfliteSpec("d", "main", List.of(IN, OUT), List.of(
                new TfliteSpec.Operator("BROADCAST_TO", new int[] {0}, new int[] {1}, OpOptions.none()),
                new TfliteSpec.Operator("ADD", new int[] {0, 1}, new int[] {1}, OpOptions.none()),
                new TfliteSpec.Operator("BROADCAST_TO", new int[] {1}, new int[] {0}, OpOptions.none())),
                new int[] {0}, new int[] {1});
        TfliteModel m = roundTrip(spec);
        assertEquals(2, m.operatorCodes().size(), "one code per operator kind, in order of first use");
        TfliteModel.OperatorCode bt = m.operatorCodes().get(0);
        assertEquals(List.of(130, 127, 130, 1), List.of(bt.builtinCode(), bt.deprecatedBuiltinCode(),
                bt.extendedBuiltinCode(), bt.version()));
        TfliteModel.OperatorCode add = m.operatorCodes().get(1);
        assertEquals(List.of(0, 0, 0), List.of(add.builtinCode(), add.deprecatedBuiltinCode(),
                add.extendedBuiltinCode()));
        assertEquals(List.of(0, 1, 0), m.main().operators().stream().map(TfliteModel.Operator::opcodeIndex).toList());
        assertEquals(9, TfliteWriter.builtinCode("FULLY_CONNECTED"));
        assertEquals(225, TfliteWriter.builtinCode("TEMP_STREAMING_CONV_2D"));
    }

    @Test
    void tensorKindsReadBack() throws Exception {
        var perChannel = new TfliteSpec.Tensor("w", DType.INT8, new int[] {1, 1, 1, 3}, new byte[] {1, -2, 3},
                new Quantization(new float[] {0.5f, Float.MIN_VALUE, 1e-9f}, new long[] {0, 1, -1}, 3));
        var scalar = new TfliteSpec.Tensor("", DType.INT32, new int[0], new byte[] {1, 0, 0, 0}, null);
        var real = new TfliteSpec.Tensor("f", DType.FLOAT32, new int[] {2}, null, null);
        TfliteSpec spec = new TfliteSpec("", "", List.of(IN, OUT, perChannel, scalar, real), List.of(
                new TfliteSpec.Operator("CONV_2D", new int[] {0, 2, -1}, new int[] {1}, OpOptions.none())),
                new int[] {0, 4}, new int[] {1});
        TfliteModel m = roundTrip(spec);
        Specs.assertSameModel(TfliteReader.read(TfliteWriter.write(spec), "a"), m, true);
        TfliteModel.Tensor w = m.main().tensors().get(2);
        assertEquals(3, w.quantization().quantizedDimension());
        assertEquals(Float.MIN_VALUE, w.quantization().scale()[1]);
        assertArrayEquals(new long[] {0, 1, -1}, w.quantization().zeroPoint());
        assertArrayEquals(new byte[] {1, -2, 3}, m.buffers().get(w.buffer()).data());
        assertEquals(0, m.main().tensors().get(3).shape().length);
        assertEquals(DType.FLOAT32, m.main().tensors().get(4).type());
        assertNull(m.main().tensors().get(4).quantization());
        assertArrayEquals(new int[] {0, 2, -1}, m.main().operators().get(0).inputs());
        assertEquals("", m.description());
    }

    @Test
    void aHandMadeModelCompiles() throws Exception {
        var weights = new TfliteSpec.Tensor("w", DType.INT8, new int[] {2, 4}, new byte[] {1, 2, 3, 4, -1, -2, -3, -4},
                Quantization.perTensor(0.25f, 0));
        var bias = new TfliteSpec.Tensor("b", DType.INT32, new int[] {2}, new byte[] {1, 0, 0, 0, -1, -1, -1, -1},
                Quantization.perTensor(0.125f, 0));
        var out = new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 2}, null, Quantization.perTensor(0.5f, -128));
        TfliteSpec spec = new TfliteSpec("MLIR Converted.", "main", List.of(IN, weights, bias, out),
                List.of(new TfliteSpec.Operator("FULLY_CONNECTED", new int[] {0, 1, 2}, new int[] {3},
                        new OpOptions(map("fused_activation_function", "RELU")))), new int[] {0}, new int[] {3});
        TfliteModel m = roundTrip(spec);
        assertEquals(List.of(), m.unsupported());
        assertTrue(ModelCompiler.compile(m, "hand").toString().length() > 0);
    }

    @Test
    void inconsistentSpecsAreRejected() {
        var bad = List.of(
                oneOp("NOT_AN_OP", map()),
                oneOp("CUSTOM", map()),
                oneOp("CONV_2D", map("padding", "DIAGONAL")),
                oneOp("CONV_2D", map("stride_w", "two")),
                oneOp("MEAN", map("keep_dims", "maybe")),
                new TfliteSpec("d", "main", List.of(IN, OUT), List.of(), new int[] {2}, new int[] {1}),
                new TfliteSpec("d", "main", List.of(IN, OUT), List.of(new TfliteSpec.Operator("ADD",
                        new int[] {0, -2}, new int[] {1}, OpOptions.none())), new int[] {0}, new int[] {1}),
                new TfliteSpec("d", "main", List.of(IN, new TfliteSpec.Tensor("c", DType.INT8, new int[] {3},
                        new byte[2], null)), List.of(), new int[] {0}, new int[] {1}),
                new TfliteSpec("d", "main", List.of(IN, new TfliteSpec.Tensor("q", DType.INT8, new int[] {3},
                        null, new Quantization(new float[] {1, 2}, new long[] {0}, 0))), List.of(), new int[] {0},
                        new int[] {1}));
        for (TfliteSpec spec : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TfliteWriter.write(spec));
            assertTrue(e.getMessage().contains("expected"), e.getMessage());
        }
    }
}
