package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random specs: what is written reads back as the same spec, and writing that again gives the same bytes. */
class WriterRoundTripPropertyTest {
    private static final DType[] TYPES = {DType.INT8, DType.UINT8, DType.INT16, DType.INT32, DType.INT64,
        DType.FLOAT32, DType.BOOL};
    private static final String[] OPS = {"FULLY_CONNECTED", "CONV_2D", "ADD", "LOGISTIC", "RESHAPE", "SVDF",
        "BROADCAST_TO", "STABLEHLO_ADD", "MEAN", "SOFTMAX"};

    private static String name(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(12);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.nextInt(4) == 0 ? 0x80 + r.nextInt(0x2000) : 'a' + r.nextInt(26));
        }
        return sb.toString();
    }

    private static TfliteSpec spec(long seed) {
        Random r = new Random(seed);
        int n = 1 + r.nextInt(8);
        List<TfliteSpec.Tensor> tensors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DType type = TYPES[r.nextInt(TYPES.length)];
            int[] shape = new int[r.nextInt(5)];
            int elements = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = r.nextInt(5);
                elements *= shape[d];
            }
            byte[] data = null;
            if (r.nextBoolean()) {
                data = new byte[elements * type.bytes()];
                r.nextBytes(data);
            }
            Quantization q = null;
            int channels = 1 + r.nextInt(4);
            switch (r.nextInt(3)) {
                case 1 -> q = Quantization.perTensor(Float.intBitsToFloat(r.nextInt()), r.nextLong());
                case 2 -> {
                    float[] scales = new float[channels];
                    long[] zps = new long[channels];
                    for (int c = 0; c < channels; c++) {
                        scales[c] = r.nextFloat();
                        zps[c] = r.nextInt(256) - 128;
                    }
                    q = new Quantization(scales, zps, r.nextInt(4));
                }
                default -> { }
            }
            tensors.add(new TfliteSpec.Tensor(name(r), type, shape, data, q));
        }
        List<TfliteSpec.Operator> ops = new ArrayList<>();
        for (int i = r.nextInt(5); i > 0; i--) {
            int[] in = new int[r.nextInt(4)];
            for (int k = 0; k < in.length; k++) {
                in[k] = r.nextInt(n + 1) - 1;
            }
            String op = OPS[r.nextInt(OPS.length)];
            OpOptions options = switch (op) {
                case "FULLY_CONNECTED" -> new OpOptions(Map.of("fused_activation_function", r.nextBoolean() ? "RELU"
                        : "NONE", "keep_num_dims", Boolean.toString(r.nextBoolean())));
                case "SOFTMAX" -> new OpOptions(Map.of("beta", Float.toString(r.nextFloat())));
                case "RESHAPE" -> r.nextBoolean() ? OpOptions.none() : new OpOptions(Map.of("new_shape", "1,-1"));
                default -> OpOptions.none();
            };
            ops.add(new TfliteSpec.Operator(op, in, new int[] {r.nextInt(n)}, options));
        }
        return new TfliteSpec(name(r), name(r), tensors, ops, new int[] {r.nextInt(n)}, new int[] {r.nextInt(n)});
    }

    @Property
    void writtenSpecsReadBackAsThemselves(@ForAll long seed) throws Exception {
        TfliteSpec spec = spec(seed);
        byte[] out = TfliteWriter.write(spec);
        TfliteModel m = TfliteReader.read(out, "random");
        TfliteSpec back = Specs.of(m);
        assertEquals(spec.description(), back.description());
        assertEquals(spec.subgraphName(), back.subgraphName());
        assertArrayEquals(spec.inputs(), back.inputs());
        assertArrayEquals(spec.outputs(), back.outputs());
        for (int i = 0; i < spec.tensors().size(); i++) {
            TfliteSpec.Tensor a = spec.tensors().get(i);
            TfliteSpec.Tensor b = back.tensors().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.type(), b.type());
            assertArrayEquals(a.shape(), b.shape());
            byte[] data = a.data() == null || a.data().length == 0 ? null : a.data();
            assertArrayEquals(data, b.data(), "a constant of no bytes reads back as an activation");
            if (a.quantization() == null) {
                assertEquals(null, b.quantization());
            } else {
                assertArrayEquals(a.quantization().zeroPoint(), b.quantization().zeroPoint());
                assertEquals(a.quantization().quantizedDimension(), b.quantization().quantizedDimension());
                for (int c = 0; c < a.quantization().scale().length; c++) {
                    assertEquals(Float.floatToRawIntBits(a.quantization().scale()[c]),
                            Float.floatToRawIntBits(b.quantization().scale()[c]));
                }
            }
        }
        assertEquals(spec.operators().size(), back.operators().size());
        for (int i = 0; i < spec.operators().size(); i++) {
            TfliteSpec.Operator a = spec.operators().get(i);
            TfliteSpec.Operator b = back.operators().get(i);
            assertEquals(a.builtinName(), b.builtinName());
            assertArrayEquals(a.inputs(), b.inputs());
            assertArrayEquals(a.outputs(), b.outputs());
            for (String key : List.of("fused_activation_function", "keep_num_dims", "beta", "new_shape")) {
                if (a.options().has(key)) {
                    assertEquals(a.options().string(key, null), b.options().string(key, null), key);
                }
            }
        }
        assertArrayEquals(out, TfliteWriter.write(back), "writing what was read gives the same bytes");
    }
}
