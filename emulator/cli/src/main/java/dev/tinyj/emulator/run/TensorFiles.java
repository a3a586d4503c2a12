package dev.tinyj.emulator.run;

import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.graph.DType;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The files of {@code tinyj run --input} and {@code --expect}.
 *
 * <p>Inputs: a raw {@code .bin} (every input's bytes, concatenated in order, taken as is); a NumPy
 * {@code .npy} (int8 taken as is; float32 quantized with the input tensor's scale and zero point,
 * or kept as float32 for a float32 input); a {@code .csv} of numbers separated by commas, spaces
 * or newlines, read as <em>real</em> values and quantized like a float32 .npy. Quantization is
 * TFLite's: {@code q = clamp(round(x / scale) + zero_point, -128, 127)} in float32 arithmetic,
 * rounding half away from zero. A .npy or .csv holds the elements of all inputs in order; only its
 * element count matters, not its shape.
 *
 * <p>Expected outputs: a raw {@code .bin} of all outputs' bytes, or a {@code .npy} whose dtype is
 * the outputs' dtype (all outputs must then share one), compared byte for byte; except a float32
 * output written by a kernel that is documented not to be bit-exact with TFLM (float SOFTMAX, whose
 * {@code exp} is not glibc's), whose elements may differ by that kernel's documented number of ULPs
 * ({@code OpDeclaration.outputUlpsFromTflm}, via {@link Inference#outputUlps}).
 */
public final class TensorFiles {
    /** How many differing elements a mismatch lists. */
    public static final int SHOWN = 10;

    private TensorFiles() {
    }

    /** The file's format, from its extension (or the .npy magic). */
    public enum Format {
        BIN, NPY, CSV;

        static Format of(String path, byte[] bytes) throws InputException {
            String p = path.toLowerCase(Locale.ROOT);
            if (p.endsWith(".npy") || Npy.isNpy(bytes)) {
                return NPY;
            }
            if (p.endsWith(".csv") || p.endsWith(".txt")) {
                return CSV;
            }
            if (p.endsWith(".bin") || p.endsWith(".raw")) {
                return BIN;
            }
            throw new InputException(path + ": unknown file type: name raw tensor bytes .bin, NumPy arrays .npy, "
                    + "and real numbers .csv or .txt");
        }
    }

    /**
     * The input bytes for the model from {@code file} (named {@code path}).
     *
     * @throws InputException wrong size or dtype (expected vs got), malformed file
     */
    public static byte[] input(String path, byte[] file, List<CompiledTensor> inputs) throws InputException {
        String what = "--input " + path;
        int bytes = 0;
        long elements = 0;
        for (CompiledTensor t : inputs) {
            bytes += t.bytes();
            elements += elements(t);
        }
        switch (Format.of(path, file)) {
            case BIN -> {
                if (file.length != bytes) {
                    throw new InputException("--input: the model takes " + bytes + " input bytes " + describe(inputs)
                            + ", the file has " + file.length);
                }
                return file;
            }
            case NPY -> {
                Npy npy = Npy.parse(file, what);
                String dt = npy.dtypeName();
                if (!dt.equals("int8") && !dt.equals("float32")) {
                    throw new InputException(what + ": the .npy dtype is " + dt + "; expected int8 (taken as is) or "
                            + "float32 (quantized with the input's scale and zero point) for " + describe(inputs));
                }
                if (npy.elements() != elements) {
                    throw new InputException(what + ": the model takes " + elements + plural(elements, " element")
                            + " " + describe(inputs) + ", the file has " + npy.elements() + plural(npy.elements(),
                            " element") + " (" + dt + ", shape " + npy.shapeText() + ")");
                }
                ByteBuffer src = ByteBuffer.wrap(npy.data()).order(ByteOrder.LITTLE_ENDIAN);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int k = 0;
                for (CompiledTensor t : inputs) {
                    checkSupported(t, k, what);
                    for (long e = 0; e < elements(t); e++) {
                        if (dt.equals("int8")) {
                            if (t.type() != DType.INT8) {
                                throw new InputException(what + ": input " + k + " '" + t.name() + "' is "
                                        + t.type().label() + ", the file is int8; give float32 values for it");
                            }
                            out.write(src.get());
                        } else {
                            put(out, t, src.getFloat(), what, k);
                        }
                    }
                    k++;
                }
                return out.toByteArray();
            }
            default -> {
                List<Double> values = csv(file, what);
                if (values.size() != elements) {
                    throw new InputException(what + ": the model takes " + elements + plural(elements, " value") + " "
                            + describe(inputs) + ", the file has " + values.size() + plural(values.size(), " value"));
                }
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int at = 0;
                int k = 0;
                for (CompiledTensor t : inputs) {
                    checkSupported(t, k, what);
                    for (long e = 0; e < elements(t); e++) {
                        put(out, t, (float) (double) values.get(at++), what, k);
                    }
                    k++;
                }
                return out.toByteArray();
            }
        }
    }

    /** TFLite's quantization of {@code x}: round half away from zero in float32, plus zero point, clamped. */
    public static int quantize(float x, float scale, int zeroPoint) {
        float r = x / scale;
        double a = Math.floor(Math.abs((double) r) + 0.5);
        long q = (long) (r < 0 ? -a : a) + zeroPoint;
        return (int) Math.max(-128, Math.min(127, q));
    }

    private static void put(ByteArrayOutputStream out, CompiledTensor t, float x, String what, int k)
            throws InputException {
        if (!Float.isFinite(x)) {
            throw new InputException(what + ": input " + k + " has a value " + x + "; only finite numbers can be used");
        }
        if (t.type() == DType.FLOAT32) {
            int bits = Float.floatToRawIntBits(x);
            out.write(bits);
            out.write(bits >>> 8);
            out.write(bits >>> 16);
            out.write(bits >>> 24);
        } else {
            float scale = t.quantization() == null ? 1f : t.quantization().scale0();
            int zp = t.quantization() == null ? 0 : t.quantization().zeroPoint0();
            out.write(quantize(x, scale, zp));
        }
    }

    private static void checkSupported(CompiledTensor t, int k, String what) throws InputException {
        if (t.type() != DType.INT8 && t.type() != DType.FLOAT32) {
            throw new InputException(what + ": input " + k + " '" + t.name() + "' is " + t.type().label()
                    + "; .npy and .csv inputs are for int8 and float32 inputs, give its raw bytes in a .bin");
        }
    }

    private static List<Double> csv(byte[] file, String what) throws InputException {
        List<Double> values = new ArrayList<>();
        String[] lines = new String(file, StandardCharsets.UTF_8).split("\r?\n", -1);
        for (int l = 0; l < lines.length; l++) {
            String line = lines[l].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int field = 0;
            for (String f : line.split("[,\\s]+")) {
                if (f.isEmpty()) {
                    continue;
                }
                field++;
                double v;
                try {
                    v = Double.parseDouble(f);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (!Double.isFinite(v) || f.matches(".*[a-zA-Z&&[^eE]].*")) {
                    String shown = f.length() > 40 ? f.substring(0, 37) + "..." : f;
                    throw new InputException(what + ": line " + (l + 1) + ", value " + field + ": '" + shown
                            + "' is not a finite number (separate values with commas, spaces or new lines)");
                }
                values.add(v);
            }
        }
        return values;
    }

    /**
     * The outcome of {@code --expect}.
     *
     * @param path the file as given
     * @param elements output elements compared
     * @param differing elements outside what is accepted (byte-different, or beyond the ULP tolerance)
     * @param first the first {@link #SHOWN} of them, described
     * @param ulpTolerance ULPs accepted per element on the outputs compared with a tolerance, 0 when
     *     every output is compared byte for byte
     * @param maxUlps the largest difference seen on those outputs, ULPs (0 without any)
     */
    public record Comparison(String path, long elements, long differing, List<String> first, int ulpTolerance,
            long maxUlps) {
        /** A byte-for-byte comparison. */
        public Comparison(String path, long elements, long differing, List<String> first) {
            this(path, elements, differing, first, 0, 0);
        }

        public boolean match() {
            return differing == 0;
        }
    }

    /**
     * Compares the outputs {@code got} with the expected file, byte for byte.
     *
     * @throws InputException when the file's size or dtype does not match the outputs (expected vs got)
     */
    public static Comparison expect(String path, byte[] file, List<CompiledTensor> outputs, byte[] got)
            throws InputException {
        return expect(path, file, outputs, new int[outputs.size()], got);
    }

    /**
     * Compares the outputs {@code got} with the expected file: output {@code k} byte for byte when
     * {@code ulps[k]} is 0, else (a float32 output) each element within {@code ulps[k]} ULPs
     * ({@link #ulpDistance}).
     *
     * @throws InputException when the file's size or dtype does not match the outputs (expected vs got)
     */
    public static Comparison expect(String path, byte[] file, List<CompiledTensor> outputs, int[] ulps, byte[] got)
            throws InputException {
        String what = "--expect " + path;
        long elements = 0;
        for (CompiledTensor t : outputs) {
            elements += elements(t);
        }
        byte[] want;
        if (Format.of(path, file) == Format.NPY) {
            Npy npy = Npy.parse(file, what);
            DType type = outputs.get(0).type();
            for (CompiledTensor t : outputs) {
                if (t.type() != type) {
                    throw new InputException(what + ": the outputs have different dtypes " + describe(outputs)
                            + "; give a raw .bin of their bytes instead of a .npy");
                }
            }
            if (!npy.dtypeName().equals(type.label())) {
                throw new InputException(what + ": the outputs are " + type.label() + " " + describe(outputs)
                        + ", the file is " + npy.dtypeName() + ", shape " + npy.shapeText());
            }
            if (npy.elements() != elements) {
                throw new InputException(what + ": the model has " + elements + plural(elements, " output element")
                        + " " + describe(outputs) + ", the file has " + npy.elements()
                        + plural(npy.elements(), " element") + " (" + npy.dtypeName() + ", shape "
                        + npy.shapeText() + ")");
            }
            want = npy.data();
        } else {
            if (Format.of(path, file) == Format.CSV) {
                throw new InputException(what + ": expected outputs are compared byte for byte: give a .bin or "
                        + "a .npy, not a .csv");
            }
            if (file.length != got.length) {
                throw new InputException(what + ": the model has " + got.length + " output bytes "
                        + describe(outputs) + ", the file has " + file.length);
            }
            want = file;
        }
        long differing = 0;
        int tolerance = 0;
        long maxUlps = 0;
        List<String> first = new ArrayList<>();
        ByteBuffer w = ByteBuffer.wrap(want).order(ByteOrder.LITTLE_ENDIAN);
        ByteBuffer g = ByteBuffer.wrap(got).order(ByteOrder.LITTLE_ENDIAN);
        int at = 0;
        int k = 0;
        for (CompiledTensor t : outputs) {
            int size = Math.max(1, t.type().bytes());
            long n = elements(t);
            int allowed = t.type() == DType.FLOAT32 ? ulps[k] : 0;
            tolerance = Math.max(tolerance, allowed);
            for (int e = 0; e < n; e++) {
                int off = at + e * size;
                if (allowed > 0) {
                    long d = ulpDistance(w.getInt(off), g.getInt(off));
                    maxUlps = Math.max(maxUlps, d);
                    if (d > allowed) {
                        differing++;
                        if (first.size() < SHOWN) {
                            first.add(String.format(Locale.ROOT,
                                    "output %d '%s' element %d %s: expected %s, got %s (%s; %d ULP accepted)", k,
                                    t.name(), e, index(t.shape(), e), value(t.type(), want, off),
                                    value(t.type(), got, off), d == Long.MAX_VALUE ? "NaN" : d + " ULP apart",
                                    allowed));
                        }
                    }
                } else if (!Arrays.equals(want, off, off + size, got, off, off + size)) {
                    differing++;
                    if (first.size() < SHOWN) {
                        first.add(String.format(Locale.ROOT, "output %d '%s' element %d %s: expected %s, got %s", k,
                                t.name(), e, index(t.shape(), e), value(t.type(), want, off),
                                value(t.type(), got, off)));
                    }
                }
            }
            at += t.bytes();
            k++;
        }
        return new Comparison(path, elements, differing, first, tolerance, maxUlps);
    }

    /**
     * How many float32 values lie from the one with raw bits {@code a} to the one with bits
     * {@code b} (0 for equal bits and for +0 against −0; {@link Long#MAX_VALUE} when one is NaN and
     * the bits differ): the distance of the two on the ordered line of floats.
     */
    public static long ulpDistance(int a, int b) {
        if (a == b) {
            return 0;
        }
        if (Float.isNaN(Float.intBitsToFloat(a)) || Float.isNaN(Float.intBitsToFloat(b))) {
            return Long.MAX_VALUE;
        }
        return Math.abs(ordered(a) - ordered(b));
    }

    /** Position of float bits {@code x} on the ordered line of floats (−0 and +0 both at 0). */
    private static long ordered(int x) {
        return x >= 0 ? x : -(long) (x & 0x7fffffff);
    }

    /** The multi-dimensional index of flat element {@code e} in C order, e.g. {@code [0,3]}. */
    static String index(int[] shape, long e) {
        long[] idx = new long[shape.length];
        long rest = e;
        for (int d = shape.length - 1; d >= 0; d--) {
            int dim = Math.max(1, shape[d]);
            idx[d] = rest % dim;
            rest /= dim;
        }
        return Arrays.toString(idx).replace(" ", "");
    }

    private static String value(DType type, byte[] b, int off) {
        ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        return switch (type) {
            case INT8 -> Integer.toString(b[off]);
            case UINT8, BOOL -> Integer.toString(b[off] & 0xff);
            case INT16 -> Short.toString(bb.getShort(off));
            case INT32 -> Integer.toString(bb.getInt(off));
            case INT64 -> Long.toString(bb.getLong(off));
            case FLOAT32 -> Float.toString(bb.getFloat(off));
            default -> "0x" + java.util.HexFormat.of().formatHex(b, off, off + Math.max(1, type.bytes()));
        };
    }

    /** Elements of a tensor. */
    public static long elements(CompiledTensor t) {
        return t.bytes() / Math.max(1, t.type().bytes());
    }

    /** {@code (int8[1,1], float32[1,640])}. */
    public static String describe(List<CompiledTensor> tensors) {
        StringBuilder sb = new StringBuilder("(");
        for (CompiledTensor t : tensors) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(t.type().label()).append(Arrays.toString(t.shape()).replace(" ", ""));
        }
        return sb.append(')').toString();
    }

    private static String plural(long n, String word) {
        return n == 1 ? word : word + "s";
    }
}
