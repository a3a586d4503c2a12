/**
 * TinyJ's device-side runtime, written in the restricted Java subset (no objects, no allocation
 * after {@code setup()}, no library but {@code dev.tinyj.hal}): {@code math} (gemmlowp/TFLite
 * fixed point), {@code kernels} (int8 operators, bit-exact with TFLM's reference kernels),
 * {@code ops} (op codes), {@code model} (model-image reader, runner, op resolver) and
 * {@code firmware} (the default inference firmware).
 */
package dev.tinyj.runtime;
