package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.testkit.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Reads every single-operator model of {@code shared/kernel_models} and checks it against
 * {@code index.csv} (operator, subgraph input and output shapes and types, file size) and its
 * builtin options against the case's {@code params} line in {@code shared/kernel_vectors}.
 */
class KernelModelsTest {
    private static final Pattern PARAM = Pattern.compile("(\\w+)=(\\S+)");
    private static final Map<String, String> SCHEMA_NAMES = Map.of("activation", "fused_activation_function",
            "dilation_h", "dilation_h_factor", "dilation_w", "dilation_w_factor", "filter_h", "filter_height",
            "filter_w", "filter_width");

    /** {@code 1x2x4x1:int8}, {@code scalar:int8}. */
    private static String label(TensorInfo t) {
        StringBuilder sb = new StringBuilder();
        for (int d : t.shape()) {
            sb.append(sb.isEmpty() ? "" : "x").append(d);
        }
        return (t.shape().length == 0 ? "scalar" : sb.toString()) + ":" + t.type().label();
    }

    @Test
    void everyKernelModelMatchesTheIndex() throws Exception {
        Path dir = SharedData.require("kernel_models", "TFLite models not checked");
        List<String> rows = Files.readAllLines(dir.resolve("index.csv"));
        int checked = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", 11);
            if (!c[9].equals("ok")) {
                continue;
            }
            String where = c[0] + "/" + c[1];
            Path file = dir.resolve(c[0]).resolve(c[1] + ".tflite");
            assertEquals(Long.parseLong(c[6]), Files.size(file), where);
            TfliteModel m = TfliteReader.read(file);
            TfliteModel.Subgraph sg = m.main();
            assertEquals(1, sg.operators().size(), where);
            assertEquals(c[2], m.opName(sg.operators().get(0)), where);
            StringBuilder inputs = new StringBuilder();
            for (int i : sg.inputs()) {
                inputs.append(inputs.isEmpty() ? "" : " ").append(label(m.tensorInfo(i)));
            }
            assertEquals(c[4], inputs.toString(), where);
            assertEquals(1, sg.outputs().length, where);
            assertEquals(c[5], label(m.tensorInfo(sg.outputs()[0])), where);
            assertEquals(List.of(), m.unsupported(), where);
            OpContext ctx = m.context(0);
            assertEquals(c[2], ctx.op(), where);
            checked++;
        }
        assertEquals(85, checked, "kernel models checked");
    }

    @Test
    void builtinOptionsMatchTheKernelVectorParams() throws Exception {
        Path models = SharedData.require("kernel_models", "TFLite models not checked");
        Path vectors = SharedData.require("kernel_vectors", "TFLite models not checked");
        Map<String, String> notes = new HashMap<>();
        List<String> rows = Files.readAllLines(models.resolve("index.csv"));
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",", 11);
            if (c[9].equals("ok")) {
                notes.put(c[0] + "/" + c[1], c[10]);
            }
        }
        int compared = 0;
        for (String key : notes.keySet().stream().sorted().toList()) {
            String op = key.substring(0, key.indexOf('/'));
            String id = key.substring(key.indexOf('/') + 1);
            String params = paramsLine(vectors.resolve(op + ".txt"), id);
            OpOptions options = TfliteReader.read(models.resolve(key + ".tflite")).main().operators().get(0).options();
            Matcher p = PARAM.matcher(params);
            while (p.find()) {
                String name = SCHEMA_NAMES.getOrDefault(p.group(1), p.group(1));
                if (name.equals("padding") && notes.get(key).contains("padding VALID in the test -> SAME here")) {
                    assertEquals("SAME", options.string("padding", "?"), key);
                    continue;
                }
                assertTrue(options.has(name), key + ": no option " + name + " in " + options);
                assertEquals(normal(p.group(2)), normal(options.string(name, "?")), key + " " + name);
                compared++;
            }
        }
        assertTrue(compared > 200, "options compared: " + compared);
    }

    private static String paramsLine(Path file, String id) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).equals("case " + id)) {
                for (int k = i + 1; k < lines.size() && !lines.get(k).equals("end"); k++) {
                    if (lines.get(k).startsWith("params ")) {
                        return lines.get(k).substring(7);
                    }
                }
            }
        }
        throw new AssertionError("no case " + id + " in " + file);
    }

    /** Booleans as 0/1 and numbers by value, so {@code 1}, {@code 1.0} and {@code true} compare equal. */
    private static String normal(String v) {
        String n = v.equals("true") ? "1" : v.equals("false") ? "0" : v;
        try {
            return Double.toString(Double.parseDouble(n));
        } catch (NumberFormatException e) {
            return v;
        }
    }
}
