package dev.tinyj.emulator.vm.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.CodeSizeModel;
import dev.tinyj.boards.CostTable;
import dev.tinyj.boards.Figure;
import dev.tinyj.boards.MemoryModel;
import dev.tinyj.boards.PowerModel;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.classfile.Opcode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MachineSmokeTest {
    static Board unitBoard() {
        Map<String, Integer> ops = new HashMap<>();
        for (Opcode o : Opcode.values()) {
            ops.put(o.name().toLowerCase(), 1);
        }
        ops.put("wide", 1);
        Map<String, Integer> extras = new HashMap<>();
        for (String e : dev.tinyj.boards.CostKeys.EXTRAS) {
            extras.put(e, 1);
        }
        extras.put("free", 0);
        return new Board("unit", "unit", "unit", "unit", 16_000_000, new Board.Region(0, 32768),
                new Board.Region(0x100, 2048), 100, 400, new MemoryModel(2, 2, 4, 2), new CodeSizeModel(3, 8, false),
                new CostTable("unit", ops, extras, false),
                new PowerModel(Figure.unknown("t"), Figure.unknown("t"), Map.of(), Figure.unknown("t"),
                        Figure.unknown("t"), java.util.Optional.empty()));
    }

    @Test
    void smokeMatchesHostJvm() throws Exception {
        Path classes = Path.of(fw.Smoke.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        FirmwareImage image = FirmwareImage.load(ClassPath.of(List.of(classes)), "fw.Smoke");
        Program p = dev.tinyj.emulator.vm.Firmware.build(ClassPath.of(List.of(classes)), "fw.Smoke", unitBoard());
        ByteArrayOutputStream emu = new ByteArrayOutputStream();
        Machine machine = new Machine(p, unitBoard(), MachineOptions.defaults(emu));
        machine.runInitializers();
        machine.setup();
        machine.loop();
        machine.loop();

        ByteArrayOutputStream host = new ByteArrayOutputStream();
        dev.tinyj.hal.Serial.redirect(new PrintStream(host, true));
        try {
            fw.Smoke.setup();
            fw.Smoke.loop();
            fw.Smoke.loop();
        } finally {
            dev.tinyj.hal.Serial.redirect(System.out);
        }
        System.out.println(emu);
        assertEquals(host.toString(), emu.toString());
        System.out.println("cycles " + machine.cycles() + " stack " + machine.memory().stackPeakBytes()
                + " heap " + machine.memory().heapBytes() + " statics " + machine.memory().staticBytes());
    }
}
