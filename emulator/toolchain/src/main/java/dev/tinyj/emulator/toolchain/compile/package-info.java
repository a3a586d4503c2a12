/**
 * The ahead-of-time model compiler and arena planner.
 *
 * <ul>
 *   <li>{@link dev.tinyj.emulator.toolchain.compile.ModelCompiler}: {@code .tflite} model → {@link
 *       dev.tinyj.emulator.toolchain.compile.CompiledModel}, or a {@link
 *       dev.tinyj.emulator.toolchain.compile.CompileException} listing every problem (exit code 2);</li>
 *   <li>{@code TensorUse} and {@code TensorPlan}: per tensor, how the operators use it (writer,
 *       readers) and what the compiler decides for it (shape, size, placement, lifetime);</li>
 *   <li>{@code InPlaceRules} and {@code WindowOverlap}: which tensors may share arena bytes and why
 *       that is safe for the kernels as written;</li>
 *   <li>{@code Layout}: where the windowed overlap is worth using;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.compile.ArenaPlanner}: greedy-by-size first-fit offsets,
 *       4-byte aligned;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.compile.ArenaPlanCheck}: an independent validity check;</li>
 *   <li>{@link dev.tinyj.emulator.toolchain.compile.ArenaReport}: arena bytes against TFLM's figures
 *       when {@code ../shared} is present.</li>
 * </ul>
 */
package dev.tinyj.emulator.toolchain.compile;
