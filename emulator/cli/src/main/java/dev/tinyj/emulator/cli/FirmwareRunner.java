package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.toolchain.image.PanicMessages;
import dev.tinyj.boards.Board;
import dev.tinyj.boards.BoardException;
import dev.tinyj.boards.Boards;
import dev.tinyj.boards.DutyCycle;
import dev.tinyj.boards.Figure;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.exec.GuestFault;
import dev.tinyj.emulator.vm.exec.Machine;
import dev.tinyj.emulator.vm.exec.MachineOptions;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs firmware on a board: load, verify, link, then every {@code <clinit>}, {@code setup()} once
 * and {@code loop()} N times (or until {@code Mcu.halt()}). Serial bytes go to standard output
 * (and exactly those bytes to the {@code --serial} file); the summary or fault goes to standard
 * error. Shared by {@code tinyj firmware} and {@code tinyj run}.
 */
final class FirmwareRunner {
    /**
     * What to run.
     *
     * @param boardId board profile id
     * @param classPath firmware classpath spec
     * @param mainClass firmware class
     * @param loops loop() calls
     * @param watchdogCycles cycle budget
     * @param serialFile copy of the Serial bytes, or null
     * @param segments flash segment id → file
     * @param adcFile ADC trace file, or null
     * @param budgets the {@code --max-*} budgets, checked after the run
     * @param battery {@code --battery-mah}/{@code --battery-v}
     */
    record Request(String boardId, String classPath, String mainClass, long loops, long watchdogCycles,
            Path serialFile, Map<Integer, Path> segments, Path adcFile, Budgets budgets, BatteryChoice.Flags battery) {
    }

    private final PrintStream out;
    private final PrintStream err;

    FirmwareRunner(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int execute(Request r) throws UsageException {
        Board board;
        try {
            board = Boards.load(r.boardId());
        } catch (BoardException e) {
            throw new UsageException(e.getMessage());
        }
        BatteryChoice battery = r.battery().choose(board);
        Map<Integer, byte[]> segments = new LinkedHashMap<>();
        for (var e : r.segments().entrySet()) {
            segments.put(e.getKey(), readFile(e.getValue(), "flash segment " + e.getKey()));
        }
        int[] adc = r.adcFile() == null ? new int[0] : readTrace(r.adcFile());
        Program program;
        try (ClassPath cp = ClassPath.parse(r.classPath())) {
            program = Firmware.build(cp, r.mainClass(), board);
        } catch (ImageException e) {
            throw new UsageException(e.getMessage());
        } catch (SubsetException e) {
            e.violations().forEach(err::println);
            throw new UsageException(r.mainClass() + " is outside the subset: " + e.getMessage());
        }
        try (OutputStream serial = serialSink(r.serialFile())) {
            Machine machine = null;
            long loopsRun = 0;
            try {
                MachineOptions opts = new MachineOptions(r.watchdogCycles(), serial, segments, adc, new byte[0], 0,
                        PanicMessages::format);
                machine = new Machine(program, board, opts);
                machine.runInitializers();
                machine.setup();
                while (loopsRun < r.loops() && !machine.halted()) {
                    machine.loop();
                    loopsRun++;
                }
                serial.flush();
                err.print(RunReport.summary(machine, loopsRun, battery));
                Gate.Measured m = measured(machine);
                List<Check> checks = new java.util.ArrayList<>();
                checks.add(Gate.ceiling("fits-flash", "flash", m.flash(), board.flash().size(), board, ""));
                if (!r.budgets().any() && !Gate.anyFailed(checks)) {
                    return 0;
                }
                checks.addAll(new Gate(r.budgets(), null, Gate.DEFAULT_TOLERANCE_PCT).budgets(m));
                err.print(CheckReport.text("firmware", checks));
                return Gate.anyFailed(checks) ? 1 : 0;
            } catch (GuestFault f) {
                serial.flush();
                out.flush();
                err.print(RunReport.fault(f, machine));
                return 3;
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            String where = r.serialFile() != null ? r.serialFile().toString() : "standard output";
            Throwable cause = e instanceof java.io.UncheckedIOException u ? u.getCause() : e;
            throw new UsageException("cannot write the serial output to " + where + ": " + cause.getMessage());
        } finally {
            if (out.checkError()) {
                err.println("tinyj: writing standard output failed: serial bytes were lost");
            }
        }
    }

    /** The run's figures for its budgets: the whole run's cycles and energy, peak SRAM, flash used. */
    static Gate.Measured measured(Machine machine) {
        Board b = machine.board();
        DutyCycle run = RunReport.dutyCycle(machine);
        Figure energy = run.microjoules();
        return new Gate.Measured(machine.cycles(), machine.cycles() * 1000.0 / b.clockHz(),
                energy.known() ? energy.value() : null, "the run's energy is unknown on " + b.id() + " ("
                        + EnergyText.reason(energy) + ")", machine.memory().sramPeakBytes(),
                machine.memory().flashCodeBytes() + machine.memory().flashDataBytes());
    }

    /** Standard output, teed to {@code file} when given. */
    private OutputStream serialSink(Path file) throws UsageException {
        if (file == null) {
            return new NonClosing(out);
        }
        try {
            OutputStream f = Files.newOutputStream(file);
            return new Tee(out, f);
        } catch (NoSuchFileException e) {
            throw new UsageException("--serial " + file + ": cannot create the file: its folder does not exist");
        } catch (java.nio.file.AccessDeniedException e) {
            throw new UsageException("--serial " + file + ": cannot create the file: permission denied");
        } catch (IOException e) {
            throw new UsageException("--serial " + file + ": cannot create the file: " + e.getMessage());
        }
    }

    /** Largest input file any command reads, bytes: above every board's flash and any model TinyJ runs. */
    static final int MAX_INPUT_BYTES = 256 << 20;

    /**
     * The bytes of an input file, at most {@link #MAX_INPUT_BYTES} (read bounded, so a device such as
     * /dev/zero or a sparse multi-GiB file is refused instead of exhausting memory).
     */
    static byte[] readFile(Path p, String what) throws UsageException {
        try (java.io.InputStream in = Files.newInputStream(p)) {
            byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
            if (bytes.length > MAX_INPUT_BYTES) {
                throw new UsageException(what + ": " + p + " is over " + (MAX_INPUT_BYTES >> 20)
                        + " MiB: too large for any board or model TinyJ runs");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new UsageException(what + ": file " + p + " does not exist");
        } catch (IOException e) {
            String r = reason(e);
            throw new UsageException(what + ": cannot read " + (r.startsWith(p.toString()) ? r : p + ": " + r));
        }
    }

    /** {@code PATH: permission denied}-style text of an I/O failure (the JDK's messages are often the bare path). */
    static String reason(IOException e) {
        return switch (e) {
            case NoSuchFileException n -> n.getFile() + ": no such file or directory";
            case java.nio.file.AccessDeniedException d -> d.getFile() + ": permission denied";
            case java.nio.file.NotDirectoryException d -> d.getFile() + ": not a directory";
            case java.nio.file.FileSystemException f -> (f.getFile() != null ? f.getFile() + ": " : "")
                    + (f.getReason() != null ? f.getReason() : f.getClass().getSimpleName());
            default -> e.getMessage();
        };
    }

    /** An ADC trace: integers separated by whitespace or commas; {@code #} starts a comment. */
    static int[] readTrace(Path p) throws UsageException {
        String text = new String(readFile(p, "ADC trace"), java.nio.charset.StandardCharsets.UTF_8);
        List<Integer> v = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int ln = 0; ln < lines.length; ln++) {
            String line = lines[ln];
            int hash = line.indexOf('#');
            if (hash >= 0) {
                line = line.substring(0, hash);
            }
            for (String tok : line.split("[\\s,]+")) {
                if (tok.isEmpty()) {
                    continue;
                }
                try {
                    v.add(Integer.parseInt(tok));
                } catch (NumberFormatException e) {
                    String why = tok.matches("[+-]?\\d+") ? "is out of the int range" : "is not an integer";
                    throw new UsageException("ADC trace " + p + ":" + (ln + 1) + ": '" + tok + "' " + why);
                }
            }
        }
        return v.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream o) {
            super(o);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int x) throws IOException {
            a.write(x);
            b.write(x);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }

        @Override
        public void close() throws IOException {
            a.flush();
            b.close();
        }
    }
}
