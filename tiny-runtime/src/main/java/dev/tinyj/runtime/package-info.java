/**
 * TinyJ's device-side runtime, written in the restricted Java subset (no objects, no allocation
 * after {@code setup()}, no library but {@code dev.tinyj.hal}). The int8 kernels and the
 * model-image reader arrive with their issues; {@link dev.tinyj.runtime.demo} holds the demo
 * firmware {@code ./tinyj run} runs until then.
 */
package dev.tinyj.runtime;
