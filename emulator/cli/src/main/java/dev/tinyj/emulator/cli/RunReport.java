package dev.tinyj.emulator.cli;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.memory.MemoryAccount;
import java.util.Locale;

/**
 * Text summaries of a firmware run for standard error: cycles and time at the board clock, energy
 * and battery life, SRAM high-water by part, flash use, and a fault with the guest stack and memory
 * picture. Numbers
 * use thousands separators; units are stated (B, cycles, ms at the board clock).
 */
final class RunReport {
    private RunReport() {
    }

    static String n(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /**
     * {@code (float SOFTMAX and LOG_SOFTMAX outputs compared within 4 ULP per element, largest difference 1 ULP;
     * other outputs byte for byte)}: how an {@code --expect} with a tolerance compared. Only kernels
     * that call libm in TFLM have a tolerance (float SOFTMAX's exp, float LOG_SOFTMAX's exp and log; docs/kernels.md).
     */
    static String ulpNote(dev.tinyj.emulator.run.TensorFiles.Comparison c) {
        return "(float SOFTMAX and LOG_SOFTMAX outputs compared within " + c.ulpTolerance() + " ULP per element, largest difference "
                + (c.maxUlps() == Long.MAX_VALUE ? "NaN" : c.maxUlps() + " ULP") + "; other outputs byte for byte)";
    }

    /** {@code 12,345 cycles (0.772 ms at 16 MHz)}. */
    static String time(long cycles, Board board) {
        double ms = cycles * 1000.0 / board.clockHz();
        return n(cycles) + " cycles (" + String.format(Locale.ROOT, "%,.3f", ms) + " ms at "
                + mhz(board.clockHz()) + ")";
    }

    static String mhz(long hz) {
        return hz % 1_000_000 == 0 ? hz / 1_000_000 + " MHz" : String.format(Locale.ROOT, "%.3f MHz", hz / 1e6);
    }

    /** The SRAM line: parts, peak and what is left. */
    static String sram(MemoryAccount m, Board board) {
        long used = m.sramPeakBytes();
        long free = board.sram().size() - used;
        return "SRAM " + n(used) + " / " + n(board.sram().size()) + " B peak at 0x"
                + Long.toHexString(board.sram().base()) + ": VM base " + n(m.vmSramBytes()) + " B, statics "
                + n(m.staticBytes()) + " B, heap " + n(m.heapBytes()) + " B, stack peak " + n(m.stackPeakBytes())
                + " B; " + (free >= 0 ? n(free) + " B free" : n(-free) + " B over");
    }

    /** The flash line: code (VM base + firmware), constants, capacity. */
    static String flash(MemoryAccount m, Board board) {
        long used = m.flashCodeBytes() + m.flashDataBytes();
        return "flash " + n(used) + " / " + n(m.flashCapacity()) + " B: code " + n(m.flashCodeBytes())
                + " B (VM base " + n(board.vmFlashBytes()) + " B; " + codeEstimate(board) + "), constants "
                + n(m.flashDataBytes()) + " B";
    }

    /** How firmware code bytes are known: the code-size model's state (docs/calibration.md). */
    static String codeEstimate(Board board) {
        return board.codeSize().calibrated() ? "calibrated estimate" : "uncalibrated estimate";
    }

    /** The run as one period of a duty cycle: its cycles, then the time it slept. */
    static DutyCycle dutyCycle(Machine machine) {
        return DutyCycle.measured(machine.board(), machine.cycles(), machine.sleptMicros() / 1e6);
    }

    /**
     * The summary of a finished run: time (with time asleep), energy and average power, the life of
     * {@code battery} at the run's duty cycle, SRAM, flash and the cost table.
     */
    static String summary(Machine machine, long loopsRun, BatteryChoice battery) {
        Board b = machine.board();
        MemoryAccount m = machine.memory();
        StringBuilder sb = new StringBuilder();
        sb.append("tinyj: ").append(b.id()).append(" (").append(b.mcu()).append(", ").append(mhz(b.clockHz()))
                .append("): ").append(n(loopsRun)).append(loopsRun == 1 ? " loop" : " loops")
                .append(machine.halted() ? ", halted" : "").append('\n');
        sb.append("  time:  ").append(time(machine.cycles(), b));
        if (machine.sleptMicros() > 0) {
            sb.append(" + ").append(n(machine.sleptMicros())).append(" us asleep");
        }
        sb.append('\n');
        DutyCycle run = dutyCycle(machine);
        sb.append("  energy: ").append(EnergyText.run(run, machine.sleptMicros())).append('\n');
        sb.append("  battery: ").append(EnergyText.battery(battery, run, String.format(Locale.ROOT,
                "at this duty cycle (%s in %s)", n(loopsRun) + (loopsRun == 1 ? " loop" : " loops"),
                EnergyText.seconds(run.periodSeconds())))).append('\n');
        sb.append("  ").append(sram(m, b)).append('\n');
        sb.append("  ").append(flash(m, b)).append('\n');
        sb.append("  cost table: ").append(b.core()).append(b.costs().calibrated() ? " (calibrated)" : " (uncalibrated)")
                .append('\n');
        return sb.toString();
    }

    static String fault(GuestFault f, Machine machine) {
        StringBuilder sb = new StringBuilder();
        sb.append("tinyj: fault: ").append(f.kind().title()).append(": ").append(f.getMessage()).append('\n');
        for (GuestFault.Frame fr : f.stack()) {
            sb.append("    ").append(fr.format()).append('\n');
        }
        if (machine != null) {
            Board b = machine.board();
            sb.append("  at ").append(time(f.cycles(), b)).append('\n');
            sb.append("  ").append(sram(machine.memory(), b)).append('\n');
            sb.append("  ").append(flash(machine.memory(), b)).append('\n');
        }
        return sb.toString();
    }
}
