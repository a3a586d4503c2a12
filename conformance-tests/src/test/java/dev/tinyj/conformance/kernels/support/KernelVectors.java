package dev.tinyj.conformance.kernels.support;

import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code ../shared/kernel_vectors/*.txt} ("kernel_vectors v1", see that folder's README):
 * TFLM's own int8 kernel-test cases with the reference kernels' exact outputs ({@code tflm_q}).
 * Files of operators added since live in this project's test resources ({@code /kernel_vectors/},
 * same format) and are read from there first. Tests of shared files skip with an assumption
 * message when {@code ../shared} is absent.
 */
public final class KernelVectors {
    /** Vector parameter names that differ from the TFLite schema's option field names. */
    private static final Map<String, String> SCHEMA_NAMES = Map.of(
            "activation", "fused_activation_function",
            "dilation_h", "dilation_h_factor",
            "dilation_w", "dilation_w_factor",
            "filter_h", "filter_height",
            "filter_w", "filter_width");

    private KernelVectors() {
    }

    /**
     * One tensor of a case.
     *
     * @param index tensor index
     * @param role e.g. input, filter, bias, output
     * @param dtype element type
     * @param shape dimensions (empty for a scalar)
     * @param quantization quantization, or null
     * @param constant whether the tensor is a constant
     * @param q quantized values fed to the kernel ({@code q:} line), or null
     * @param values raw values of a non-quantized tensor ({@code values:}), or null
     * @param floats real values ({@code float:}), or null
     * @param tflmQ TFLM's output ({@code tflm_q:}), or null
     * @param tflmFloat TFLM's float output ({@code tflm_float:}), or null
     * @param expectedStatus {@code ERROR} for a case whose Prepare must fail, else null
     * @param tflmShape TFLM's output shape ({@code tflm_shape:}, reshape), or null
     */
    public record VTensor(int index, String role, DType dtype, int[] shape, Quantization quantization, boolean constant,
            long[] q, long[] values, float[] floats, long[] tflmQ, float[] tflmFloat, String expectedStatus,
            int[] tflmShape) {

        /** The bytes the kernel reads: {@code q} (or {@code values}, or {@code floats}) in the dtype, little-endian. */
        public byte[] bytes() {
            if (q != null) {
                return pack(dtype, q);
            }
            if (values != null) {
                return pack(dtype, values);
            }
            if (floats != null && dtype == DType.FLOAT32) {
                ByteBuffer b = ByteBuffer.allocate(floats.length * 4).order(ByteOrder.LITTLE_ENDIAN);
                for (float f : floats) {
                    b.putFloat(f);
                }
                return b.array();
            }
            return new byte[flat(shape) * dtype.bytes()];
        }

        /** TFLM's output as bytes ({@code tflm_q} in the dtype, or {@code tflm_float} as float32). */
        public byte[] tflmBytes() {
            if (tflmQ != null) {
                return pack(dtype, tflmQ);
            }
            ByteBuffer b = ByteBuffer.allocate(tflmFloat.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : tflmFloat) {
                b.putFloat(f);
            }
            return b.array();
        }

        /** As the toolchain's tensor description (constant data for constants). */
        public TensorInfo info() {
            return new TensorInfo(index, role, dtype, shape, quantization, constant ? bytes() : null);
        }
    }

    /**
     * One case.
     *
     * @param file the vectors file, e.g. {@code conv.txt}
     * @param id case id
     * @param op TFLite builtin operator name
     * @param params parameters as written in the file
     * @param inputs input tensor indices in operand order
     * @param output output tensor index
     * @param tensors tensors by index
     */
    public record Case(String file, String id, String op, Map<String, String> params, int[] inputs, int output,
            Map<Integer, VTensor> tensors) {

        public VTensor input(int k) {
            return tensors.get(inputs[k]);
        }

        public VTensor outputTensor() {
            return tensors.get(output);
        }

        /**
         * Whether every tensor of the case is of the {@code allowed} types, constant int32 and
         * int64 index tensors (axes, shapes, begin/size) aside.
         */
        public boolean typesIn(DType... allowed) {
            List<DType> ok = Arrays.asList(allowed);
            return tensors.values().stream().allMatch(t -> ok.contains(t.dtype())
                    || (t.dtype() == DType.INT32 || t.dtype() == DType.INT64) && t.constant());
        }

        /** The prepare context: inputs in operand order (null for an absent one, -1), the output, options by schema field name. */
        public OpContext context() {
            List<TensorInfo> in = new ArrayList<>();
            for (int i : inputs) {
                in.add(i < 0 ? null : tensors.get(i).info());
            }
            Map<String, String> opts = new LinkedHashMap<>();
            params.forEach((k, v) -> opts.put(SCHEMA_NAMES.getOrDefault(k, k), v));
            return new OpContext(op, 0, in, outputTensor().info(), new OpOptions(opts));
        }

        @Override
        public String toString() {
            return file + ":" + id;
        }
    }

    /** Every case of {@code file} (e.g. {@code add.txt}); skips the test when ../shared is absent. */
    public static List<Case> load(String file) {
        List<String> own = resource(file);
        if (own != null) {
            return parse(file, own);
        }
        Path dir = SharedData.require("kernel_vectors", "TFLM kernel vectors not checked");
        try {
            return parse(file, Files.readAllLines(dir.resolve(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of the project's own vector files (test resources under {@code /kernel_vectors/}). */
    public static List<String> ownFiles() {
        java.net.URL dir = KernelVectors.class.getResource("/kernel_vectors/");
        if (dir == null) {
            return List.of();
        }
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException("cannot list the project's kernel vectors", e);
        }
    }

    /** Every case of every vectors file: ../shared's (when present) and the project's own. */
    public static List<Case> all() {
        List<Case> all = new ArrayList<>();
        // without ../shared a developer still runs the project's own vectors; CI (required) fails instead
        Path dir = SharedData.required() ? SharedData.require("kernel_vectors", "TFLM kernel vectors not checked")
                : SharedData.resolve("kernel_vectors");
        if (dir != null) {
            try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".txt") && !p.endsWith("README.txt")).sorted()
                        .toList()) {
                    all.addAll(parse(f.getFileName().toString(), Files.readAllLines(f)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String f : ownFiles()) {
            all.addAll(load(f));
        }
        return all;
    }

    private static List<String> resource(String file) {
        try (java.io.InputStream in = KernelVectors.class.getResourceAsStream("/kernel_vectors/" + file)) {
            return in == null ? null : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Case> parse(String file, List<String> lines) {
        List<Case> cases = new ArrayList<>();
        String id = null;
        String op = null;
        Map<String, String> params = new LinkedHashMap<>();
        int[] inputs = null;
        int output = -1;
        Map<Integer, VTensor> tensors = new LinkedHashMap<>();
        VTensorBuilder cur = null;
        for (int ln = 0; ln < lines.size(); ln++) {
            String line = lines.get(ln);
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String t = line.trim();
            String[] w = t.split(" ");
            if (line.startsWith("  ") && cur != null) {
                cur.value(w[0].substring(0, w[0].length() - 1), Arrays.copyOfRange(w, 1, w.length));
                continue;
            }
            if (cur != null) {
                tensors.put(cur.index, cur.build());
                cur = null;
            }
            switch (w[0]) {
                case "case" -> {
                    id = w[1];
                    params = new LinkedHashMap<>();
                    tensors = new LinkedHashMap<>();
                }
                case "op" -> op = w[1];
                case "params" -> {
                    for (int k = 1; k < w.length; k++) {
                        if (w[k].contains("=")) {
                            params.put(w[k].substring(0, w[k].indexOf('=')), w[k].substring(w[k].indexOf('=') + 1));
                        }
                    }
                }
                case "inputs" -> inputs = Arrays.stream(w, 1, w.length).mapToInt(Integer::parseInt).toArray();
                case "outputs" -> output = Integer.parseInt(w[1]);
                case "tensor" -> cur = new VTensorBuilder(w);
                case "end" -> cases.add(new Case(file, id, op, params, inputs, output, tensors));
                case "source", "note" -> {
                }
                default -> throw new IllegalStateException(file + ":" + (ln + 1) + ": unexpected line: " + line);
            }
        }
        return cases;
    }

    private static final class VTensorBuilder {
        final int index;
        final String role;
        final DType dtype;
        final int[] shape;
        Quantization quant;
        boolean constant;
        long[] q;
        long[] values;
        float[] floats;
        long[] tflmQ;
        float[] tflmFloat;
        String status;
        int[] tflmShape;

        VTensorBuilder(String[] w) {
            index = Integer.parseInt(w[1]);
            role = w[2];
            dtype = DType.valueOf(w[3].toUpperCase(java.util.Locale.ROOT));
            String s = w[4].substring("shape=".length());
            shape = s.equals("scalar") || s.isEmpty() ? new int[0]
                    : Arrays.stream(s.split(",")).mapToInt(Integer::parseInt).toArray();
            Map<String, String> kv = new LinkedHashMap<>();
            for (int k = 5; k < w.length; k++) {
                if (w[k].equals("const")) {
                    constant = true;
                } else if (w[k].contains("=")) {
                    kv.put(w[k].substring(0, w[k].indexOf('=')), w[k].substring(w[k].indexOf('=') + 1));
                }
            }
            if (kv.containsKey("scale")) {
                quant = Quantization.perTensor(Float.parseFloat(kv.get("scale")), Long.parseLong(kv.get("zero_point")));
            } else if (kv.containsKey("per_channel_scales")) {
                String[] sc = kv.get("per_channel_scales").split(",");
                String[] zp = kv.get("per_channel_zero_points").split(",");
                float[] scales = new float[sc.length];
                long[] zps = new long[zp.length];
                for (int k = 0; k < sc.length; k++) {
                    scales[k] = Float.parseFloat(sc[k]);
                    zps[k] = Long.parseLong(zp[k]);
                }
                quant = new Quantization(scales, zps, Integer.parseInt(kv.get("quantized_dimension")));
            }
        }

        void value(String key, String[] w) {
            switch (key) {
                case "q" -> q = longs(w);
                case "values" -> {
                    if (dtype == DType.FLOAT32) {
                        floats = floats(w);
                    } else {
                        values = longs(w);
                    }
                }
                case "float" -> floats = floats(w);
                case "tflm_q" -> tflmQ = longs(w);
                case "tflm_float" -> tflmFloat = floats(w);
                case "expected_status" -> status = w.length > 0 ? w[0] : "";
                case "tflm_shape" -> tflmShape = w.length == 0 || w[0].equals("scalar") ? new int[0]
                        : Arrays.stream(w[0].split(",")).mapToInt(Integer::parseInt).toArray();
                default -> {
                    // expected_float, expected_q, test_tolerance, check, expected_shape, tflm_status: informative
                }
            }
        }

        VTensor build() {
            return new VTensor(index, role, dtype, shape, quant, constant, q, values, floats, tflmQ, tflmFloat, status,
                    tflmShape);
        }
    }

    private static long[] longs(String[] w) {
        return Arrays.stream(w).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong).toArray();
    }

    private static float[] floats(String[] w) {
        String[] v = Arrays.stream(w).filter(s -> !s.isEmpty()).toArray(String[]::new);
        float[] f = new float[v.length];
        for (int k = 0; k < v.length; k++) {
            f[k] = Float.parseFloat(v[k]);
        }
        return f;
    }

    private static int flat(int[] shape) {
        int n = 1;
        for (int d : shape) {
            n *= d;
        }
        return n;
    }

    /** Values as little-endian bytes of {@code dtype}. */
    public static byte[] pack(DType dtype, long[] v) {
        ByteBuffer b = ByteBuffer.allocate(v.length * Math.max(1, dtype.bytes())).order(ByteOrder.LITTLE_ENDIAN);
        for (long x : v) {
            switch (dtype.bytes()) {
                case 1 -> b.put((byte) x);
                case 2 -> b.putShort((short) x);
                case 4 -> b.putInt((int) x);
                default -> b.putLong(x);
            }
        }
        return b.array();
    }
}
