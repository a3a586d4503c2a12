package dev.tinyj.emulator.run;

import dev.tinyj.emulator.toolchain.image.PanicMessages;
import dev.tinyj.boards.Board;
import dev.tinyj.emulator.toolchain.compile.CompiledOp;
import dev.tinyj.emulator.toolchain.compile.CompiledTensor;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.ops.OpTable;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import dev.tinyj.runtime.firmware.InferenceFirmware;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * One inference of a {@link ModelBuild} on an emulated board: tiny-runtime's
 * {@link InferenceFirmware} with the per-model op resolver, the image in flash segment 0, the input
 * fed by Semihost, run once through every {@code <clinit>}, {@code setup()} and one {@code loop()}.
 * Cycles are those of the latency window ({@code Profiler} tag 0); per-operator cycles come from
 * tags 1..n.
 */
public final class Inference {
    /**
     * What one inference measured.
     *
     * @param output output bytes (all outputs, concatenated in order)
     * @param cycles cycles of the latency window
     * @param opCycles cycles per operator (index = operator index; in-place ops 0)
     * @param machine the machine after the run (memory, flash, board)
     */
    public record Result(byte[] output, long cycles, long[] opCycles, Machine machine) {
        /** Latency at the board clock, ms. */
        public double latencyMs() {
            return cycles * 1000.0 / machine.board().clockHz();
        }

        /**
         * Energy of the window, µJ: cycles ÷ f × V × I_active, from the board's sourced figures
         * (DESIGN.md "Energy"); empty when a figure is unknown.
         */
        public OptionalDouble energyMicrojoules() {
            return dev.tinyj.boards.Energy.activeMicrojoules(machine.board(), cycles);
        }
    }

    private Inference() {
    }

    /** Links the inference firmware with {@code build}'s resolver for {@code board}. */
    public static Program firmware(ModelBuild build, Board board) throws ImageException, SubsetException {
        try (ClassPath cp = ClassPath.of(List.of(runtimeClasses())).withGenerated(build.resolver())) {
            return Firmware.build(cp, InferenceFirmware.class.getName(), board);
        }
    }

    /** Where tiny-runtime's classes are (a folder or the module jar). */
    public static Path runtimeClasses() {
        try {
            return Path.of(InferenceFirmware.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate tiny-runtime's classes", e);
        }
    }

    /**
     * Runs one inference.
     *
     * @param extraSramBytes hypothetical SRAM above the real end (0 normally)
     * @throws GuestFault when the firmware faults (e.g. the arena does not fit: SRAM overflow)
     */
    public static Result run(ModelBuild build, Program program, Board board, byte[] input, long watchdogCycles,
            long extraSramBytes) {
        MachineOptions opts = new MachineOptions(watchdogCycles, new ByteArrayOutputStream(),
                java.util.Map.of(0, build.image()), new int[0], input, extraSramBytes, PanicMessages::format);
        Machine m = new Machine(program, board, opts);
        m.runInitializers();
        m.setup();
        m.loop();
        int ops = build.model().ops().size();
        long[] opCycles = new long[ops];
        long begin = 0;
        long total = 0;
        long[] opened = new long[ops + 1];
        for (Machine.ProfileMark mark : m.profileMarks()) {
            if (mark.begin()) {
                opened[mark.tag()] = mark.cycles();
            } else if (mark.tag() == 0) {
                total = mark.cycles() - opened[0];
            } else {
                opCycles[mark.tag() - 1] += mark.cycles() - opened[mark.tag()];
            }
        }
        return new Result(m.semihostOutput(), total, opCycles, m);
    }

    /** Input bytes expected by the model (all inputs concatenated). */
    public static int inputBytes(ModelBuild build) {
        int n = 0;
        for (int t : build.model().inputs()) {
            n += build.model().tensors().get(t).bytes();
        }
        return n;
    }

    /** The model's input tensors. */
    public static List<CompiledTensor> inputs(ModelBuild build) {
        List<CompiledTensor> l = new ArrayList<>();
        for (int t : build.model().inputs()) {
            l.add(build.model().tensors().get(t));
        }
        return l;
    }

    /** The model's output tensors. */
    public static List<CompiledTensor> outputs(ModelBuild build) {
        List<CompiledTensor> l = new ArrayList<>();
        for (int t : build.model().outputs()) {
            l.add(build.model().tensors().get(t));
        }
        return l;
    }

    /**
     * Per output (in order), how many ULPs {@code --expect} accepts per element: the documented
     * bound of the operator that writes it ({@code OpDeclaration.outputUlpsFromTflm}: float
     * SOFTMAX, whose exp is not glibc's) for a float32 output, else 0 (byte for byte).
     */
    public static int[] outputUlps(ModelBuild build) {
        int[] outputs = build.model().outputs();
        int[] ulps = new int[outputs.length];
        for (int k = 0; k < outputs.length; k++) {
            for (CompiledOp op : build.model().ops()) {
                if (op.output() == outputs[k] && build.model().tensors().get(outputs[k]).type() == DType.FLOAT32) {
                    ulps[k] = OpTable.byCode(op.opCode()).map(e -> e.op().outputUlpsFromTflm()).orElse(0);
                }
            }
        }
        return ulps;
    }

    /** SRAM the run would need at least: VM base + statics + arena (with its header), bytes. */
    public static long sramNeeded(ModelBuild build, Program program, Board board) {
        return board.vmSramBytes() + program.staticBytes() + board.memory().arrayHeaderBytes()
                + build.model().arenaBytes();
    }

    /** Flash the firmware needs: VM base + code + constants + model image, bytes. */
    public static long flashNeeded(ModelBuild build, Program program, Board board) {
        return board.vmFlashBytes() + program.codeBytes() + program.constantBytes() + build.image().length;
    }

    /** Peak SRAM of a finished run, bytes. */
    public static long sramPeak(MemoryAccount m) {
        return m.sramPeakBytes();
    }
}
