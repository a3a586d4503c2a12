package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reads the real models of {@code shared/models} and checks them against {@code SOURCES.md}. */
class RealModelsTest {
    private static final Pattern IO = Pattern.compile(
            "- (input|output)\\[0]: name `([^`]*)` (\\w+) shape \\[([\\d,]*)] \\(\\d+ bytes\\)(?: scale (\\S+) zero_point (-?\\d+))?");

    private static TfliteModel read(String file) throws Exception {
        return TfliteReader.read(SharedData.require("models", "TFLite models not checked").resolve(file));
    }

    private static List<String> ops(TfliteModel m) {
        return m.main().operators().stream().map(m::opName).toList();
    }

    @Test
    void helloWorldHasThreeFullyConnectedLayersAndTheQuantizationOfTheFile() throws Exception {
        TfliteModel m = TfliteReader.read(TfliteFiles.helloWorld(), "hello_world_int8.tflite");
        assertEquals(3, m.version());
        assertEquals(List.of("FULLY_CONNECTED", "FULLY_CONNECTED", "FULLY_CONNECTED"), ops(m));
        TfliteModel.Subgraph sg = m.main();
        assertArrayEquals(new int[] {0}, sg.inputs());
        assertArrayEquals(new int[] {9}, sg.outputs());
        TensorInfo in = m.tensorInfo(0);
        assertEquals("serving_default_dense_input:0", in.name());
        assertEquals(DType.INT8, in.type());
        assertArrayEquals(new int[] {1, 1}, in.shape());
        assertEquals(0.0244801156f, in.quantization().scale0());
        assertEquals(-128, in.quantization().zeroPoint0());
        assertFalse(in.isConstant());
        TensorInfo out = m.tensorInfo(9);
        assertEquals(0.00829095673f, out.quantization().scale0());
        assertEquals(5, out.quantization().zeroPoint0());
        assertEquals("RELU", sg.operators().get(0).options().string("fused_activation_function", "?"));
        assertEquals("NONE", sg.operators().get(2).options().string("fused_activation_function", "?"));
        assertEquals("DEFAULT", sg.operators().get(2).options().string("weights_format", "?"));
        assertFalse(sg.operators().get(2).options().bool("keep_num_dims", true));
        OpContext ctx = m.context(0);
        assertEquals("FULLY_CONNECTED", ctx.op());
        assertArrayEquals(new int[] {16, 1}, ctx.input(1).shape());
        assertEquals(16, ctx.input(1).data().length);
        assertEquals(16, ctx.input(2).int32Data().length);
        assertEquals(DType.INT32, ctx.input(2).type());
        assertEquals(7, ctx.output().index());
        assertTrue(m.unsupported().isEmpty());
    }

    @Test
    void everyModelMatchesItsSourcesEntry() throws Exception {
        Path dir = SharedData.require("models", "TFLite models not checked");
        List<String> lines = Files.readAllLines(dir.resolve("SOURCES.md"));
        int checked = 0;
        String file = null;
        for (String line : lines) {
            if (line.startsWith("### ")) {
                file = line.substring(4).trim();
                continue;
            }
            if (file == null) {
                continue;
            }
            TfliteModel m = TfliteReader.read(dir.resolve(file));
            Matcher io = IO.matcher(line);
            if (io.matches()) {
                TfliteModel.Subgraph sg = m.main();
                int t = io.group(1).equals("input") ? sg.inputs()[0] : sg.outputs()[0];
                TensorInfo info = m.tensorInfo(t);
                String where = file + " " + io.group(1);
                assertEquals(io.group(2), info.name(), where);
                assertEquals(DType.valueOf(io.group(3)), info.type(), where);
                assertEquals(io.group(4), Arrays.toString(info.shape()).replaceAll("[\\[\\] ]", ""), where);
                if (io.group(5) != null) {
                    assertEquals(Float.parseFloat(io.group(5)), info.quantization().scale0(), where);
                    assertEquals(Integer.parseInt(io.group(6)), info.quantization().zeroPoint0(), where);
                } else {
                    assertNull(info.quantization(), where);
                }
                checked++;
            } else if (line.startsWith("- ops (")) {
                String listed = line.substring(line.indexOf(':') + 1).trim();
                assertEquals(List.of(listed.split(" ")), ops(m), file);
                checked++;
            }
        }
        assertTrue(checked >= 14 * 3, "SOURCES.md facts checked: " + checked);
    }

    @Test
    void everySharedModelIsFullySupported() throws Exception {
        for (String f : List.of("hello_world_int8.tflite", "kws_ref_model.tflite", "micro_speech_quantized.tflite",
                "model_ToyCar_quant_fullint_micro.tflite", "model_ToyCar_quant_fullint_micro_intio.tflite",
                "person_detect.tflite", "pretrainedResnet_quant.tflite", "str_ww_ref_model.tflite",
                "strm_ww_int8.tflite", "vww_96_int8.tflite", "keyword_scrambled.tflite",
                "keyword_scrambled_8bit.tflite", "trained_lstm_int8.tflite",
                "dtln_noise_suppression.tflite")) {
            TfliteModel m = read(f);
            assertEquals(List.of(), m.unsupported(), f);
            for (int i = 0; i < m.main().operators().size(); i++) {
                OpContext ctx = m.context(i);
                assertEquals(ops(m).get(i), ctx.op(), f);
            }
        }
    }

    @Test
    void personDetectOptionsAreDecodedWithSchemaNames() throws Exception {
        TfliteModel m = read("person_detect.tflite");
        List<TfliteModel.Operator> o = m.main().operators();
        assertEquals("{depth_multiplier=8, dilation_h_factor=1, dilation_w_factor=1, fused_activation_function=RELU6, "
                + "padding=SAME, stride_h=2, stride_w=2}", o.get(0).options().toString());
        assertEquals("{filter_height=3, filter_width=3, fused_activation_function=NONE, padding=VALID, stride_h=2, "
                + "stride_w=2}", o.get(27).options().toString());
        assertEquals("1,2", o.get(29).options().string("new_shape", "?"));
        assertEquals("{beta=1.0}", o.get(30).options().toString());
        TfliteModel.Tensor bias = m.main().tensors().get(o.get(0).inputs()[2]);
        assertEquals(8, bias.quantization().scale().length);
        assertEquals(3, bias.quantization().quantizedDimension());
    }

    @Test
    void printsWhichModelsUseWhichOperators() throws Exception {
        Path dir = SharedData.require("models", "TFLite models not checked");
        for (Path p : SharedData.tfliteFiles(dir)) {
            if (!p.getParent().equals(dir)) {
                continue;
            }
            TfliteModel m = TfliteReader.read(p);
            List<String> u = m.unsupported();
            System.out.println("[tflite] " + p.getFileName() + ": " + new java.util.TreeSet<>(ops(m)) + " -> "
                    + (u.isEmpty() ? "fully supported" : u.size() + " unsupported: " + u));
        }
    }
}
