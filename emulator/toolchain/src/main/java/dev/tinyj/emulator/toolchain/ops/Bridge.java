package dev.tinyj.emulator.toolchain.ops;

import java.util.Arrays;

/**
 * How the device calls an operator's kernel, from which
 * {@link dev.tinyj.emulator.toolchain.image.BridgeGenerator} emits its {@code OpBridges} method:
 * {@code kernel.method(image, params, <operand pairs>, arena, outputOffset)}, each operand pair
 * being {@code ModelImage.array(image, opEntry, k, arena), ModelImage.offset(image, opEntry, k)}
 * for operand {@code k}, or {@code null, 0} for {@link #NONE}. With {@link #each} the kernel is
 * called once per operand {@code k} (0 to the op's operand count) with {@code k} after the
 * parameter offset (CONCATENATION's {@code evalOne}).
 *
 * @param kernel the kernel class (device side, {@code dev.tinyj.runtime.kernels})
 * @param method its static method name
 * @param args operand index per pair, {@link #NONE} for an absent pair
 * @param each whether the method is called once per operand
 */
public record Bridge(Class<?> kernel, String method, int[] args, boolean each) {
    /** An operand pair passed as {@code (null, 0)}. */
    public static final int NONE = -1;

    public Bridge {
        args = args.clone();
    }

    @Override
    public int[] args() {
        return args.clone();
    }

    /** {@code kernel.eval(image, params, operand args..., arena, out)}. */
    public static Bridge eval(Class<?> kernel, int... args) {
        return new Bridge(kernel, "eval", args, false);
    }

    /** {@code kernel.method(image, params, k, operand k, arena, out)} for every operand k. */
    public static Bridge eachOperand(Class<?> kernel, String method) {
        return new Bridge(kernel, method, new int[] {0}, true);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Bridge b && b.kernel == kernel && b.method.equals(method) && Arrays.equals(b.args, args)
                && b.each == each;
    }

    @Override
    public int hashCode() {
        return kernel.hashCode() * 31 + Arrays.hashCode(args);
    }

    @Override
    public String toString() {
        return kernel.getSimpleName() + "." + method + (each ? "(each operand)" : Arrays.toString(args));
    }
}
