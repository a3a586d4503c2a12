package dev.tinyj.emulator.toolchain.compile;

import dev.tinyj.runtime.kernels.ConvWindow;
import dev.tinyj.runtime.kernels.DepthwiseConv2D;
import dev.tinyj.runtime.kernels.Pooling;
import dev.tinyj.emulator.toolchain.ops.InPlaceKind;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * How far below its input a windowed operator's output may start so that the two share bytes
 * safely: the "overlap distance" {@code d} (elements: bytes for int8, times 2 for the int16
 * variants, {@link InPlaceRules}) of CONV_2D, DEPTHWISE_CONV_2D, AVERAGE_POOL_2D and MAX_POOL_2D
 * with input and output of one element type.
 *
 * <p>Why it works. These kernels ({@code Conv2D}, {@code DepthwiseConv2D}, {@code Pooling}, and
 * {@code Conv2DInt16}, {@code DepthwiseConv2DInt16}, {@code PoolingInt16} alike) write
 * the output once, in increasing index order (NHWC row-major: batch, y, x, channel), each element
 * after reading everything it needs. Put the output at offset {@code O} and the input at
 * {@code O + d}: writing output element {@code j} overwrites input element {@code j − d}. That is
 * harmless exactly when no later output element reads input element {@code j − d}, i.e. when for
 * every input element {@code i}: {@code lastReader(i) ≤ i + d}, where {@code lastReader(i)} is the
 * index of the last output element whose computation reads {@code i}. So
 * {@code d = max(0, max_i (lastReader(i) − i))}, rounded up to {@link ArenaPlanner#ALIGNMENT}.
 *
 * <p>Steps:
 * <ol>
 *   <li>Read the geometry from the prepared parameter block (the kernel's {@code P_*} fields: the
 *       loops run over the output's declared height and width, as the kernels do).</li>
 *   <li>For every output pixel (b, oy, ox) in write order, visit the input pixels of its window
 *       (stride, dilation, padding, bounds exactly as the kernel) and record, per input pixel, the
 *       last output pixel that reads it.</li>
 *   <li>Turn pixels into elements: CONV_2D reads every input channel of a pixel (grouped
 *       convolutions read fewer: taking all is conservative) for every output channel, so an input
 *       element's last reader is the pixel's last output channel; DEPTHWISE_CONV_2D reads input
 *       channel c for output channels {@code c·m .. c·m + m − 1}; the pools read channel c for
 *       output channel c.</li>
 *   <li>{@code d} is the largest {@code lastReader(i) − i}, at least 0, aligned.</li>
 * </ol>
 * Limits: cost is one visit per (output pixel × window tap), a few million at most for the models
 * in scope; 4-D NHWC only; one element size on both sides (int8 → int8, int16 → int16).
 */
public final class WindowOverlap {
    private WindowOverlap() {
    }

    /** Whether {@code opCode} is one of the windowed operators this class handles. */
    public static boolean handles(int opCode) {
        return kind(opCode).windowed();
    }

    /**
     * The overlap distance in bytes, or -1 when the operator is not handled.
     *
     * @param opCode runtime op code
     * @param params the prepared parameter block
     */
    public static long distance(int opCode, byte[] params) {
        ByteBuffer p = ByteBuffer.wrap(params).order(ByteOrder.LITTLE_ENDIAN);
        int batches;
        int inH;
        int inW;
        int inD;
        int outH;
        int outW;
        int outD;
        int filterH;
        int filterW;
        int strideH;
        int strideW;
        int dilationH = 1;
        int dilationW = 1;
        int padH;
        int padW;
        int multiplier = 1;
        InPlaceKind kind = kind(opCode);
        if (kind == InPlaceKind.WINDOW_CONV || kind == InPlaceKind.WINDOW_DEPTHWISE) {
            batches = p.getInt(ConvWindow.P_BATCHES);
            inH = p.getInt(ConvWindow.P_IN_H);
            inW = p.getInt(ConvWindow.P_IN_W);
            inD = p.getInt(ConvWindow.P_IN_D);
            outH = p.getInt(ConvWindow.P_OUT_H);
            outW = p.getInt(ConvWindow.P_OUT_W);
            outD = p.getInt(ConvWindow.P_OUT_D);
            filterH = p.getInt(ConvWindow.P_FILTER_H);
            filterW = p.getInt(ConvWindow.P_FILTER_W);
            strideH = p.getInt(ConvWindow.P_STRIDE_H);
            strideW = p.getInt(ConvWindow.P_STRIDE_W);
            dilationH = p.getInt(ConvWindow.P_DILATION_H);
            dilationW = p.getInt(ConvWindow.P_DILATION_W);
            padH = p.getInt(ConvWindow.P_PAD_H);
            padW = p.getInt(ConvWindow.P_PAD_W);
            if (kind == InPlaceKind.WINDOW_DEPTHWISE) {
                multiplier = p.getInt(DepthwiseConv2D.P_DEPTH_MULTIPLIER);
            }
        } else if (kind == InPlaceKind.WINDOW_POOL) {
            batches = p.getInt(Pooling.P_BATCHES);
            inH = p.getInt(Pooling.P_IN_H);
            inW = p.getInt(Pooling.P_IN_W);
            inD = p.getInt(Pooling.P_DEPTH);
            outD = inD;
            outH = p.getInt(Pooling.P_OUT_H);
            outW = p.getInt(Pooling.P_OUT_W);
            filterH = p.getInt(Pooling.P_FILTER_H);
            filterW = p.getInt(Pooling.P_FILTER_W);
            strideH = p.getInt(Pooling.P_STRIDE_H);
            strideW = p.getInt(Pooling.P_STRIDE_W);
            padH = p.getInt(Pooling.P_PAD_H);
            padW = p.getInt(Pooling.P_PAD_W);
        } else {
            return -1;
        }
        long[] lastPixel = new long[Math.multiplyExact(Math.multiplyExact(batches, inH), inW)];
        java.util.Arrays.fill(lastPixel, -1);
        long outPixel = 0;
        for (int b = 0; b < batches; b++) {
            for (int oy = 0; oy < outH; oy++) {
                for (int ox = 0; ox < outW; ox++) {
                    for (int fy = 0; fy < filterH; fy++) {
                        int iy = oy * strideH - padH + dilationH * fy;
                        for (int fx = 0; fx < filterW && iy >= 0 && iy < inH; fx++) {
                            int ix = ox * strideW - padW + dilationW * fx;
                            if (ix >= 0 && ix < inW) {
                                lastPixel[(b * inH + iy) * inW + ix] = outPixel;
                            }
                        }
                    }
                    outPixel++;
                }
            }
        }
        long d = 0;
        for (int px = 0; px < lastPixel.length; px++) {
            if (lastPixel[px] < 0) {
                continue;
            }
            for (int c = 0; c < inD; c++) {
                long lastChannel = switch (kind) {
                    case WINDOW_CONV -> outD - 1;
                    case WINDOW_DEPTHWISE -> (long) c * multiplier + multiplier - 1;
                    default -> c;
                };
                long lastReader = lastPixel[px] * outD + lastChannel;
                d = Math.max(d, lastReader - ((long) px * inD + c));
            }
        }
        return ArenaPlanner.align(d);
    }

    /** The declared in-place kind of op code {@code opCode} (NONE for an unknown code). */
    private static InPlaceKind kind(int opCode) {
        return OpTable.byCode(opCode).map(e -> e.spec().inPlace()).orElse(InPlaceKind.NONE);
    }
}
