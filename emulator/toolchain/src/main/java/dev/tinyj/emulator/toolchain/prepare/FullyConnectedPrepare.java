package dev.tinyj.emulator.toolchain.prepare;

import dev.tinyj.emulator.toolchain.graph.TensorInfo;
import dev.tinyj.runtime.kernels.FullyConnected;

/**
 * FULLY_CONNECTED prepare, as TFLM's {@code FullyConnectedPrepare} /
 * {@code CalculateOpDataFullyConnected} ({@code micro/kernels/fully_connected.cc},
 * {@code fully_connected_common.cc}, tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424), with
 * TFLite's output shape inference: filter [units, accum depth] (weights format DEFAULT); the input
 * is read as rows of accum depth (its flat size must be a multiple); output
 * {@code [rows, units]}, or with {@code keep_num_dims} the input shape with its last dimension
 * replaced by units. Several filter scales select the per-channel kernel path (filter offset 0);
 * one scale the per-tensor path (filter offset −filter zero point, float scale product).
 */
public final class FullyConnectedPrepare implements OpPrepare {
    @Override
    public PreparedOp prepare(OpContext ctx) throws PrepareException {
        if (ctx.inputs().size() < 2 || ctx.inputs().size() > 3) {
            throw new PrepareException(ctx.where() + ": expected 2 or 3 inputs (input, filter[, bias]), got "
                    + ctx.inputs().size());
        }
        TensorInfo input = ctx.input(0);
        TensorInfo filter = ctx.input(1);
        TensorInfo output = ctx.output();
        ConvQuantization.requireInt8(ctx, input, "input");
        ConvQuantization.requireInt8(ctx, filter, "filter");
        ConvQuantization.requireInt8(ctx, output, "output");
        if (filter.shape().length != 2 || filter.dim(1) <= 0) {
            throw new PrepareException(ctx.where() + ": " + filter.describe() + " (filter) must be [units, depth]");
        }
        int units = filter.dim(0);
        int depth = filter.dim(1);
        if (input.shape().length == 0 || input.flatSize() % depth != 0) {
            throw new PrepareException(ctx.where() + ": " + input.describe() + " (input) is not a whole number of "
                    + "rows of " + depth);
        }
        int rows = input.flatSize() / depth;
        int[] outShape;
        if (ctx.options().bool("keep_num_dims", false)) {
            outShape = input.shape().clone();
            outShape[outShape.length - 1] = units;
            if (input.dim(-1) != depth) {
                throw new PrepareException(ctx.where() + ": keep_num_dims needs " + input.describe()
                        + " (input) to end in " + depth);
            }
        } else {
            outShape = new int[] {rows, units};
        }
        ConvQuantization.requireShape(ctx, outShape);
        TensorInfo bias = ConvQuantization.bias(ctx, units);
        boolean perChannel = filter.quantization().perChannel();
        ConvQuantization q = perChannel
                ? ConvQuantization.perChannel(ctx, input, filter, output, units)
                : ConvQuantization.fullyConnectedPerTensor(ctx, input, filter, bias, output);
        ActivationRange act = ConvQuantization.activation(ctx, output);
        ParamBlock block = new ParamBlock().ints(
                rows, depth, units,
                -input.quantization().zeroPoint0(),
                perChannel ? 0 : -filter.quantization().zeroPoint0(),
                output.quantization().zeroPoint0(),
                act.min(), act.max(),
                bias != null ? 1 : 0);
        if (block.size() != FullyConnected.P_QUANT_COUNT) {
            throw new IllegalStateException("FullyConnected layout and prepare disagree");
        }
        q.writeTo(block);
        return new PreparedOp(block.bytes(), outShape, 0);
    }
}
