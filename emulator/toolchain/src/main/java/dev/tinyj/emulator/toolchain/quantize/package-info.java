/**
 * Post-training int8 quantization, TFLite's full-integer scheme.
 *
 * <ul>
 *   <li>{@link dev.tinyj.emulator.toolchain.quantize.FloatDense}: a trained float layer (the input);</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.quantize.Calibrator}: min/max ranges of every activation over
 *       representative inputs;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.quantize.AffineQuant}: the scheme: asymmetric per-tensor
 *       activations, symmetric per-channel weights, int32 bias;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.quantize.Int8Quantizer}: layers → a
 *       {@link dev.tinyj.emulator.toolchain.tflite.TfliteSpec} in the converter's layout and names;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.quantize.Int8Simulator}: runs that spec with TinyJ's prepare
 *       steps and device kernels (bit-exact with TFLM).</li>
 * </ul>
 */
package dev.tinyj.emulator.toolchain.quantize;
