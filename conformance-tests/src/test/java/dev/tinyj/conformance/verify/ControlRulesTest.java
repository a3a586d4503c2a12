package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.emulator.vm.verify.MethodRef;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;
import java.util.List;
import org.junit.jupiter.api.Test;
import probe.bad.NativeMethod;
import probe.bad.Recursion;
import probe.bad.Synchronized;
import probe.bad.Throws;
import probe.bad.TryCatch;

/** Exceptions, monitors, native methods and recursion are outside the subset. */
class ControlRulesTest {
    private static final String PANIC = "exceptions need objects; use Mcu.panic(code, arg)";

    @Test
    void throwIsRejected() throws Exception {
        String at = " (Throws.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/Throws.java:11: error: object instance (new java/lang/IllegalStateException): use static"
                        + " fields and primitive arrays" + at + "6)",
                "probe/bad/Throws.java:11: error: constructor call (invokespecial"
                        + " java/lang/IllegalStateException.<init>()V): use static fields and primitive arrays" + at
                        + "10)",
                "probe/bad/Throws.java:11: error: throw (athrow): " + PANIC + at + "13)"),
                Probes.verify(Throws.class).messages());
    }

    @Test
    void exceptionTableIsRejectedAtTheProtectedRange() throws Exception {
        assertEquals(List.of(
                "probe/bad/TryCatch.java:13: error: exception handler (catch"
                        + " java/lang/ArrayIndexOutOfBoundsException): " + PANIC + " (TryCatch.loop()V, bytecode 0)"),
                Probes.verify(TryCatch.class).messages());
    }

    @Test
    void monitorsAndSynchronizedMethodsAreRejected() throws Exception {
        String lock = ": there are no threads or locks; remove synchronized";
        String at = " (Synchronized.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/Synchronized.java:10: error: monitor (monitorenter)" + lock + at + "5)",
                "probe/bad/Synchronized.java:11: error: exception handler (catch any): " + PANIC + at + "6)",
                "probe/bad/Synchronized.java:12: error: monitor (monitorexit)" + lock + at + "10)",
                "probe/bad/Synchronized.java:12: error: exception handler (catch any): " + PANIC + at + "14)",
                "probe/bad/Synchronized.java:12: error: monitor (monitorexit)" + lock + at + "16)",
                "probe/bad/Synchronized.java:12: error: throw (athrow): " + PANIC + at + "18)",
                "probe/bad/Synchronized.java:16: error: synchronized method" + lock + " (Synchronized.tick()V)"),
                Probes.verify(Synchronized.class).messages());
    }

    @Test
    void nativeMethodIsRejectedWithoutALine() throws Exception {
        assertEquals(List.of(
                "probe/bad/NativeMethod.java:0: error: native method: only the HAL's methods are native"
                        + " (NativeMethod.tick()V)"),
                Probes.verify(NativeMethod.class).messages());
    }

    @Test
    void recursionReportsEachCycleAtTheCallThatClosesIt() throws Exception {
        String hint = ": the stack depth must be computable; use a loop";
        VerifiedProgram p = Probes.verify(Recursion.class);
        assertEquals(List.of(
                "probe/bad/Recursion.java:18: error: recursion: Recursion.even(I)I -> Recursion.odd(I)I ->"
                        + " Recursion.even(I)I" + hint + " (Recursion.odd(I)I, bytecode 11)",
                "probe/bad/Recursion.java:22: error: recursion: Recursion.fact(I)I -> Recursion.fact(I)I" + hint
                        + " (Recursion.fact(I)I, bytecode 13)"),
                p.messages());
        // cycle edges are left out of the order and the depth: loop -> even -> odd
        assertEquals(List.of("Recursion.setup()V", "Recursion.odd(I)I", "Recursion.even(I)I", "Recursion.fact(I)I",
                "Recursion.loop()V"), p.reachableMethods().stream().map(MethodRef::display).toList());
        assertEquals(3, p.maxCallDepth());
    }
}
