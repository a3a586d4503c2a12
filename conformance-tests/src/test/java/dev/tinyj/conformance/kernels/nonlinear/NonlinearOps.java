package dev.tinyj.conformance.kernels.nonlinear;

import dev.tinyj.emulator.toolchain.prepare.LogisticPrepare;
import dev.tinyj.emulator.toolchain.prepare.OpPrepare;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxPrepare;
import dev.tinyj.emulator.toolchain.prepare.TanhPrepare;
import dev.tinyj.runtime.kernels.Logistic;
import dev.tinyj.runtime.kernels.Softmax;
import dev.tinyj.runtime.kernels.Tanh;

/** The three ops under test: TFLite name, vectors file, host prepare and the host-JVM kernel call. */
enum NonlinearOps {
    SOFTMAX("softmax.txt", new SoftmaxPrepare()) {
        @Override
        void run(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
            Softmax.eval(params, p, in, inOff, out, outOff);
        }
    },
    LOGISTIC("logistic.txt", new LogisticPrepare()) {
        @Override
        void run(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
            Logistic.eval(params, p, in, inOff, out, outOff);
        }
    },
    TANH("tanh.txt", new TanhPrepare()) {
        @Override
        void run(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff) {
            Tanh.eval(params, p, in, inOff, out, outOff);
        }
    };

    final String vectors;
    final OpPrepare prepare;

    NonlinearOps(String vectors, OpPrepare prepare) {
        this.vectors = vectors;
        this.prepare = prepare;
    }

    /** The firmware entry point's name in {@code fw.kernels.nonlinear.NonlinearKernels}. */
    String entryPoint() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    abstract void run(byte[] params, int p, byte[] in, int inOff, byte[] out, int outOff);

    /** Runs the kernel on the host JVM with the operands at the given offsets; returns the output. */
    byte[] runAt(byte[] params, int p, byte[] in, int inOff, int outOff, int n) {
        byte[] input = new byte[inOff + in.length + 3];
        System.arraycopy(in, 0, input, inOff, in.length);
        byte[] output = new byte[outOff + n + 3];
        java.util.Arrays.fill(output, (byte) 0x5A);
        run(params, p, input, inOff, output, outOff);
        return java.util.Arrays.copyOfRange(output, outOff, outOff + n);
    }
}
