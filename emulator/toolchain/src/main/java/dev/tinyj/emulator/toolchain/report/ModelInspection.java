package dev.tinyj.emulator.toolchain.report;

import dev.tinyj.emulator.toolchain.compile.ArenaReport;
import dev.tinyj.emulator.toolchain.compile.CompiledModel;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.tflite.TfliteModel;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code tinyj inspect} reports of a compiled model, as one JSON-ready tree: sizes (.tflite,
 * image, arena, flash constants), TFLM's arena figures where known, every tensor with its place
 * and lifetime, every operator with its output shape, MACs and precomputed parameter block.
 */
public final class ModelInspection {
    private ModelInspection() {
    }

    /**
     * @param tflite the model as read
     * @param model the model as compiled
     * @param tfliteBytes size of the .tflite file, bytes
     * @param imageBytes size of the model image, bytes
     * @param tflm TFLM's arena figures (i386 build), when known
     */
    public static Map<String, Object> of(TfliteModel tflite, CompiledModel model, long tfliteBytes, int imageBytes,
            Optional<ArenaReport.TflmArena> tflm) {
        Map<String, Object> root = Json.object();
        root.put("model", model.name());
        root.put("tflite_bytes", tfliteBytes);
        root.put("image_bytes", imageBytes);
        root.put("arena_bytes", model.arenaBytes());
        long flashConstants = model.tensors().stream().filter(t -> t.data() != null).mapToLong(CompiledTensor::bytes)
                .sum();
        root.put("constant_bytes", flashConstants);
        long totalMacs = 0;
        List<Object> ops = Json.array();
        for (CompiledOp op : model.ops()) {
            Map<String, Object> o = Json.object();
            o.put("index", op.index());
            o.put("op", op.name());
            o.put("inputs", op.inputs());
            o.put("output", op.output());
            CompiledTensor out = model.tensors().get(op.output());
            o.put("output_shape", out.shape());
            long macs = Macs.of(tflite, model, op);
            totalMacs += macs;
            o.put("macs", macs);
            o.put("in_place", op.inPlace());
            o.put("params_int32", ints(op.params()));
            ops.add(o);
        }
        root.put("macs", totalMacs);
        if (!model.folding().folded().isEmpty()) {
            root.put("folded", model.folding().folded());
        }
        tflm.ifPresent(t -> {
            Map<String, Object> f = Json.object();
            f.put("head_bytes_i386", t.headBytes());
            f.put("arena_used_bytes_i386", t.usedBytes());
            f.put("arena_vs_head", (double) model.arenaBytes() / t.headBytes());
            root.put("tflm", f);
        });
        List<Object> tensors = Json.array();
        for (CompiledTensor t : model.tensors()) {
            Map<String, Object> o = Json.object();
            o.put("index", t.index());
            o.put("name", t.name());
            o.put("type", t.type() == null ? "unknown" : t.type().label());
            o.put("shape", t.shape());
            o.put("placement", t.placement().name().toLowerCase(java.util.Locale.ROOT));
            o.put("arena_offset", t.arenaOffset());
            o.put("bytes", t.bytes());
            o.put("first_use", t.firstUse());
            o.put("last_use", t.lastUse());
            if (t.aliasOf() >= 0) {
                o.put("alias_of", t.aliasOf());
            }
            if (t.quantization() != null) {
                o.put("scale", t.quantization().scale0());
                o.put("zero_point", t.quantization().zeroPoint0());
                if (t.quantization().perChannel()) {
                    o.put("channels", t.quantization().scale().length);
                }
            }
            tensors.add(o);
        }
        root.put("ops", ops);
        root.put("tensors", tensors);
        return root;
    }

    /** {@code 3 ops (SHAPE, STRIDED_SLICE, PACK)} from the {@code folded} list. */
    private static String foldSummary(List<?> folded) {
        List<String> lines = new java.util.ArrayList<>();
        for (Object o : folded) {
            lines.add(String.valueOf(o));
        }
        return new dev.tinyj.emulator.toolchain.compile.ConstantFolder.Result(null, lines).summary();
    }

    private static int[] ints(byte[] params) {
        int[] v = new int[params.length / 4];
        ByteBuffer.wrap(params).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().get(v);
        return v;
    }

    /** The text form: summary, ops table, tensors table. */
    @SuppressWarnings("unchecked")
    public static String text(Map<String, Object> r) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(java.util.Locale.ROOT, "model %s: %,d ops, %,d MACs%n", r.get("model"),
                ((List<Object>) r.get("ops")).size(), (long) r.get("macs")));
        sb.append(String.format(java.util.Locale.ROOT, "  .tflite %,d B -> image %,d B (constants %,d B); arena %,d B%n",
                (long) r.get("tflite_bytes"), (int) r.get("image_bytes"), (long) r.get("constant_bytes"),
                (int) r.get("arena_bytes")));
        if (r.get("folded") instanceof List<?> f) {
            sb.append(String.format(java.util.Locale.ROOT, "  folded at compile time: %s%n", foldSummary(f)));
        }
        if (r.get("tflm") instanceof Map<?, ?> t) {
            sb.append(String.format(java.util.Locale.ROOT,
                    "  TFLM (reference kernels, i386): non-persistent plan %,d B, arena_used_bytes %,d B; TinyJ arena = %.2f x TFLM's plan%n",
                    t.get("head_bytes_i386"), t.get("arena_used_bytes_i386"), t.get("arena_vs_head")));
        }
        sb.append(String.format("%n%-4s %-28s %-18s %-16s %14s  %s%n", "op", "name", "inputs -> output", "output shape",
                "MACs", "params (int32)"));
        for (Object x : (List<Object>) r.get("ops")) {
            Map<String, Object> o = (Map<String, Object>) x;
            String io = Arrays.toString((int[]) o.get("inputs")).replace(" ", "") + "->" + o.get("output");
            String params = Arrays.toString((int[]) o.get("params_int32"));
            if (params.length() > 60) {
                params = params.substring(0, 57) + "...";
            }
            sb.append(String.format(java.util.Locale.ROOT, "%-4d %-28s %-18s %-16s %,14d  %s%s%n", o.get("index"),
                    o.get("op"), io, Arrays.toString((int[]) o.get("output_shape")).replace(" ", ""), o.get("macs"),
                    (boolean) o.get("in_place") ? "(in place) " : "", params));
        }
        sb.append(String.format("%n%-4s %-10s %-18s %-8s %10s %10s %-9s %s%n", "t", "type", "shape", "place", "offset",
                "bytes", "live", "name"));
        for (Object x : (List<Object>) r.get("tensors")) {
            Map<String, Object> o = (Map<String, Object>) x;
            if (o.get("placement").equals("absent")) {
                continue;
            }
            String live = o.get("placement").equals("arena") ? o.get("first_use") + ".." + o.get("last_use") : "";
            sb.append(String.format(java.util.Locale.ROOT, "%-4d %-10s %-18s %-8s %10s %,10d %-9s %s%n", o.get("index"),
                    o.get("type"), Arrays.toString((int[]) o.get("shape")).replace(" ", ""), o.get("placement"),
                    (int) o.get("arena_offset") >= 0 ? o.get("arena_offset") : "-", o.get("bytes"), live, o.get("name")));
        }
        return sb.toString();
    }
}
