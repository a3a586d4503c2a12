package dev.tinyj.conformance.faults;

import static dev.tinyj.conformance.faults.Faulting.assertFault;
import static dev.tinyj.conformance.faults.Faulting.assertStack;
import static dev.tinyj.conformance.faults.Faulting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.vm.exec.FaultKind;
import dev.tinyj.emulator.vm.exec.GuestFault;
import fw.faults.AllocationInLoop;
import fw.faults.DeepCallChain;
import fw.faults.DivideIntByZero;
import fw.faults.DivideLongByZero;
import fw.faults.EndlessLoop;
import fw.faults.FlashWrite;
import fw.faults.HugeArray;
import fw.faults.IndexOutOfBounds;
import fw.faults.NegativeArraySize;
import fw.faults.NullArray;
import fw.faults.Panic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One firmware per fault kind: kind, message, and the guest stack down to the source line. */
class GuestFaultTest {
    @ParameterizedTest
    @ValueSource(strings = {"arduino-uno", "nucleo-l4r5zi"})
    void intDivisionByZeroNamesTheDivision(String board) {
        GuestFault f = run(DivideIntByZero.class, board);
        assertFault(f, FaultKind.DIVIDE_BY_ZERO, "division by zero");
        assertStack(f, DivideIntByZero.class, "loop()V", "loop()V");
    }

    @Test
    void longRemainderByZeroFaultsInTheHelper() {
        GuestFault f = run(DivideLongByZero.class, "arduino-uno");
        assertFault(f, FaultKind.DIVIDE_BY_ZERO, "division by zero");
        assertStack(f, DivideLongByZero.class, "remainder(J)J", "loop()V");
        assertEquals(2, f.stack().size(), "remainder() called from loop()");
    }

    @Test
    void indexOnePastTheEndIsAnArrayIndexFault() {
        GuestFault f = run(IndexOutOfBounds.class, "nucleo-l4r5zi");
        assertFault(f, FaultKind.ARRAY_INDEX, "4", "length 4");
        assertStack(f, IndexOutOfBounds.class, "loop()V", "loop()V");
    }

    @Test
    void storeIntoAnUnallocatedArrayIsANullArrayFault() {
        GuestFault f = run(NullArray.class, "arduino-uno");
        assertFault(f, FaultKind.NULL_ARRAY, "null");
        assertStack(f, NullArray.class, "loop()V", "loop()V");
    }

    @Test
    void negativeCountIsANegativeArraySizeFault() {
        GuestFault f = run(NegativeArraySize.class, "arduino-uno");
        assertFault(f, FaultKind.NEGATIVE_ARRAY_SIZE, "long[-3]");
        assertStack(f, NegativeArraySize.class, "setup()V", "setup()V");
    }

    @Test
    void allocationInLoopNamesClassMethodAndSourceLine() {
        GuestFault f = run(AllocationInLoop.class, "nucleo-l4r5zi");
        int line = Faulting.markedLine(AllocationInLoop.class);
        assertFault(f, FaultKind.ALLOCATION_IN_LOOP, "byte[8]", "AllocationInLoop.loop()V",
                "fw/faults/AllocationInLoop.java:" + line, "setup()");
        assertStack(f, AllocationInLoop.class, "loop()V", "loop()V");
    }

    @Test
    void deepCallChainOverflowsSramOnArduinoUno() {
        GuestFault f = run(DeepCallChain.class, "arduino-uno");
        assertFault(f, FaultKind.SRAM_OVERFLOW, "stack frame of DeepCallChain.level", "meets the heap");
        GuestFault.Frame top = f.stack().get(0);
        assertTrue(top.method().startsWith("DeepCallChain.level"), top.format());
        assertEquals("DeepCallChain.loop()V", f.stack().get(f.stack().size() - 1).method());
        assertTrue(f.stack().size() >= 3, "the chain is on the guest stack: " + f.stack());
    }

    @Test
    void deepCallChainFitsOnNucleo() {
        Faulting.runsClean(DeepCallChain.class, "nucleo-l4r5zi");
    }

    @Test
    void tooBigNewarrayInSetupOverflowsSram() {
        GuestFault f = run(HugeArray.class, "arduino-uno");
        assertFault(f, FaultKind.SRAM_OVERFLOW, "int[1000]", "needs 4002 B");
        assertStack(f, HugeArray.class, "setup()V", "setup()V");
    }

    @Test
    void storeIntoProgmemTableIsAFlashWrite() {
        GuestFault f = run(FlashWrite.class, "arduino-uno");
        assertFault(f, FaultKind.FLASH_WRITE, "flash", "short[4]");
        assertStack(f, FlashWrite.class, "loop()V", "loop()V");
    }

    @Test
    void panicCarriesCodeAndArgument() {
        GuestFault f = run(Panic.class, "nucleo-l4r5zi");
        assertFault(f, FaultKind.PANIC, "code=42", "arg=7");
        assertStack(f, Panic.class, "check(I)V", "loop()V");
    }

    @Test
    void endlessLoopTripsASmallWatchdog() {
        GuestFault f = run(EndlessLoop.class, "arduino-uno", o -> o.withWatchdog(5_000));
        assertFault(f, FaultKind.WATCHDOG, "5,000 cycles");
        assertTrue(f.cycles() > 5_000 && f.cycles() < 5_100, "stops just past the budget: " + f.cycles());
        assertStack(f, EndlessLoop.class, "loop()V", "loop()V");
    }

    @Test
    void theLargestWatchdogBudgetMeansNoWatchdogRatherThanAnOverflow() {
        // the budget is kept in quarter-cycle ticks: Long.MAX_VALUE cycles must saturate, not wrap
        // negative and bite at once (the JMH benchmark runs with this budget)
        var program = dev.tinyj.conformance.support.Emu.build(fw.cli.Hello.class, "arduino-uno");
        var m = new dev.tinyj.emulator.vm.exec.Machine(program, dev.tinyj.conformance.support.Emu.board("arduino-uno"),
                dev.tinyj.emulator.vm.exec.MachineOptions.defaults(new java.io.ByteArrayOutputStream())
                        .withWatchdog(Long.MAX_VALUE));
        m.runInitializers();
        m.setup();
        m.loop();
        assertTrue(m.cycles() > 0, "ran: " + m.cycles());
    }
}
