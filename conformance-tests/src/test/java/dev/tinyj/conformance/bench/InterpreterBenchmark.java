package dev.tinyj.conformance.bench;

import dev.tinyj.conformance.support.Emu;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import fw.bench.MacLoop;
import java.io.ByteArrayOutputStream;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Interpreter throughput on an int8 multiply-accumulate loop ({@link MacLoop}), against the same
 * Java running natively on the host JVM.
 *
 * <p>{@link #emulated} calls {@code MacLoop.mac(PASSES)} on one warm {@link Machine} for
 * {@code arduino-uno} (cycle accounting and SRAM high-water tracking are always on). Its secondary
 * result {@code guestBytecodes} is guest bytecodes executed per host second (the
 * {@link Machine#instructions()} delta), {@code macSteps} is inner-loop iterations per second.
 * {@link #nativeJvm} runs {@code MacLoop.mac(PASSES)} directly; its {@code bytecodeEquivalent}
 * counts, per call, the bytecodes the emulator executes for the same call, so
 * {@code bytecodeEquivalent / guestBytecodes} is the native-to-emulated ratio.
 *
 * <p>Run with {@code mvn -B -q -pl conformance-tests -am -Pbench -DskipTests verify} (see
 * docs/performance.md); the normal build compiles this class but never runs it.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class InterpreterBenchmark {
    /** Passes over the 256 inputs per {@code mac} call: about 60 k guest bytecodes per call. */
    public static final int PASSES = 16;

    static final String BOARD = "arduino-uno";
    static final String OWNER = "fw/bench/MacLoop";

    /** One machine, initialisers and setup() run once; every benchmark call reuses it warm. */
    @State(Scope.Thread)
    public static class Emulated {
        Machine machine;

        @Setup(Level.Trial)
        public void boot() {
            Program program = Emu.build(MacLoop.class, BOARD);
            // cycles accumulate across calls; the default watchdog would trip in a long run
            MachineOptions options = MachineOptions.defaults(new ByteArrayOutputStream())
                    .withWatchdog(Long.MAX_VALUE);
            machine = new Machine(program, Emu.board(BOARD), options);
            machine.runInitializers();
            machine.setup();
            MacLoop.setup();
            int expected = MacLoop.mac(PASSES);
            int got = (int) call(machine);
            if (got != expected) {
                throw new IllegalStateException("emulated mac(" + PASSES + ") = " + got + ", native " + expected);
            }
        }
    }

    /** The host-JVM firmware, set up once. */
    @State(Scope.Thread)
    public static class Native {
        /** Guest bytecodes the emulator executes for one {@code mac(PASSES)} call. */
        long bytecodesPerCall;

        @Setup(Level.Trial)
        public void boot() {
            MacLoop.setup();
            Emulated probe = new Emulated();
            probe.boot();
            long before = probe.machine.instructions();
            call(probe.machine);
            bytecodesPerCall = probe.machine.instructions() - before;
        }
    }

    /** Per-second rates of the emulated benchmark (JMH divides each field by the iteration time). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class EmulatedRates {
        /** Guest bytecodes executed. */
        public long guestBytecodes;
        /** Inner-loop multiply-accumulate steps. */
        public long macSteps;

        @Setup(Level.Iteration)
        public void reset() {
            guestBytecodes = 0;
            macSteps = 0;
        }
    }

    /** Per-second rates of the native baseline. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class NativeRates {
        /** The emulator's bytecode count for the same work. */
        public long bytecodeEquivalent;
        /** Inner-loop multiply-accumulate steps. */
        public long macSteps;

        @Setup(Level.Iteration)
        public void reset() {
            bytecodeEquivalent = 0;
            macSteps = 0;
        }
    }

    static long call(Machine m) {
        return m.call(OWNER, "mac", "(I)I", PASSES);
    }

    /** {@code MacLoop.mac(PASSES)} in the emulator; primary score: calls per second. */
    @Benchmark
    public long emulated(Emulated state, EmulatedRates rates) {
        Machine m = state.machine;
        long before = m.instructions();
        long r = call(m);
        rates.guestBytecodes += m.instructions() - before;
        rates.macSteps += (long) PASSES * MacLoop.LEN;
        return r;
    }

    /** {@code MacLoop.mac(PASSES)} on the host JVM; primary score: calls per second. */
    @Benchmark
    public int nativeJvm(Native state, NativeRates rates) {
        int r = MacLoop.mac(PASSES);
        rates.bytecodeEquivalent += state.bytecodesPerCall;
        rates.macSteps += (long) PASSES * MacLoop.LEN;
        return r;
    }
}
