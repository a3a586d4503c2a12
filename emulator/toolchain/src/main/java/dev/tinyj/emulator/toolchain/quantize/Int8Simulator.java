package dev.tinyj.emulator.toolchain.quantize;

import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.emulator.toolchain.prepare.FullyConnectedPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpContext;
import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.runtime.kernels.FullyConnected;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs an int8 {@link TfliteSpec} of FULLY_CONNECTED operators on the host as TFLM would: each
 * operator is prepared by TinyJ's {@link FullyConnectedPrepare} (TFLM's multipliers and shifts,
 * activation clamp) from the spec's own tensors and run by the device kernel
 * {@link FullyConnected#eval}, so the result is the bit-exact int8 output the runtime gives.
 * Real values enter through {@link AffineQuant#quantizeInt8} (TFLite's QUANTIZE rounding, half
 * away from zero) and leave through {@link AffineQuant#dequantize}.
 *
 * <p>Only a single-input, single-output subgraph of FULLY_CONNECTED operators is supported.
 */
public final class Int8Simulator {
    private final TfliteSpec spec;
    private final List<TensorInfo> tensors = new ArrayList<>();
    private final List<byte[]> params = new ArrayList<>();

    /**
     * Prepares every operator of {@code spec}.
     *
     * @throws PrepareException when an operator is not FULLY_CONNECTED or TinyJ's prepare rejects it
     */
    public Int8Simulator(TfliteSpec spec) throws PrepareException {
        this.spec = spec;
        if (spec.inputs().length != 1 || spec.outputs().length != 1) {
            throw new PrepareException("expected one input and one output, got " + spec.inputs().length + " and "
                    + spec.outputs().length);
        }
        for (int i = 0; i < spec.tensors().size(); i++) {
            TfliteSpec.Tensor t = spec.tensors().get(i);
            tensors.add(new TensorInfo(i, t.name(), t.type(), t.shape().clone(), t.quantization(), t.data()));
        }
        FullyConnectedPrepare prepare = new FullyConnectedPrepare();
        for (int k = 0; k < spec.operators().size(); k++) {
            TfliteSpec.Operator op = spec.operators().get(k);
            if (!op.builtinName().equals("FULLY_CONNECTED")) {
                throw new PrepareException("operator " + k + " (" + op.builtinName()
                        + "): the int8 simulator runs FULLY_CONNECTED only");
            }
            List<TensorInfo> in = new ArrayList<>();
            for (int i : op.inputs()) {
                in.add(i < 0 ? null : tensors.get(i));
            }
            OpContext ctx = new OpContext(op.builtinName(), k, in, tensors.get(op.outputs()[0]), op.options());
            PreparedOp prepared = prepare.prepare(ctx);
            params.add(prepared.params());
        }
    }

    /** The input tensor's quantization. */
    public Quantization inputQuantization() {
        return tensors.get(spec.inputs()[0]).quantization();
    }

    /** The output tensor's quantization. */
    public Quantization outputQuantization() {
        return tensors.get(spec.outputs()[0]).quantization();
    }

    /**
     * Runs the model on an int8 input.
     *
     * @param input int8 values, the input tensor's flat size
     * @return the int8 output, the output tensor's flat size
     */
    public byte[] run(byte[] input) {
        TensorInfo in = tensors.get(spec.inputs()[0]);
        if (input.length != in.flatSize()) {
            throw new IllegalArgumentException("expected " + in.flatSize() + " input values, got " + input.length);
        }
        byte[][] values = new byte[tensors.size()][];
        values[in.index()] = input.clone();
        for (int k = 0; k < spec.operators().size(); k++) {
            TfliteSpec.Operator op = spec.operators().get(k);
            int[] i = op.inputs();
            TensorInfo out = tensors.get(op.outputs()[0]);
            byte[] output = new byte[out.flatSize()];
            byte[] bias = i.length > 2 && i[2] >= 0 ? tensors.get(i[2]).data() : null;
            FullyConnected.eval(params.get(k), 0, values[i[0]], 0, tensors.get(i[1]).data(), 0, bias, 0, output, 0);
            values[out.index()] = output;
        }
        return values[spec.outputs()[0]];
    }

    /** Quantizes {@code x} [input size], runs, and dequantizes the output. */
    public double[] predict(double... x) {
        Quantization qin = inputQuantization();
        byte[] q = new byte[x.length];
        for (int k = 0; k < x.length; k++) {
            q[k] = AffineQuant.quantizeInt8(x[k], qin);
        }
        byte[] y = run(q);
        Quantization qout = outputQuantization();
        double[] out = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            out[k] = AffineQuant.dequantize(y[k], qout);
        }
        return out;
    }

    @Override
    public String toString() {
        return "Int8Simulator" + Arrays.toString(spec.operators().stream().map(TfliteSpec.Operator::builtinName)
                .toArray());
    }
}
