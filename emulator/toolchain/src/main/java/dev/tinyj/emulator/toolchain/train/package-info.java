/**
 * TinyJ's small deterministic trainer (host side, JDK only).
 *
 * <ul>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.Dense}, {@link dev.tinyj.emulator.toolchain.train.Mlp}:
 *       dense layers with ReLU or identity, double precision;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.Loss}: MSE and softmax cross-entropy;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.Adam}: Keras' Adam;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.Trainer}: shuffled mini-batches;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.SplitMix64}: the only randomness;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.train.SineModel}: train → quantize → measure.</li>
 * </ul>
 *
 * Determinism: one seeded generator, single thread, fixed summation order, {@link java.lang.StrictMath}
 * for every transcendental, strict IEEE doubles (Java 17+). Same seed, bit-identical weights, on any
 * JVM.
 */
package dev.tinyj.emulator.toolchain.train;
