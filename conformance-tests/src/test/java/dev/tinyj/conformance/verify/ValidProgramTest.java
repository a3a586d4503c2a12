package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.emulator.vm.verify.MethodRef;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;
import java.util.List;
import org.junit.jupiter.api.Test;
import probe.ThreeMain;
import probe.Valid;
import probe.bad.Multi;

/** Programs inside the subset verify clean; orders and depth; one probe with many violations. */
class ValidProgramTest {
    @Test
    void subsetProgramVerifiesClean() throws Exception {
        VerifiedProgram p = Probes.verify(Valid.class);
        assertEquals(List.of(), p.messages());
        assertTrue(p.ok());
        assertEquals(List.of("probe/Valid"), p.initOrder());
        assertEquals(List.of(new MethodRef("probe/Valid", "<clinit>", "()V"), new MethodRef("probe/Valid", "setup", "()V"),
                new MethodRef("probe/Valid", "scale", "(II)I"), new MethodRef("probe/Valid", "loop", "()V")),
                p.reachableMethods());
        assertEquals(2, p.maxCallDepth());
    }

    @Test
    void threeClassesInitialiseDependenciesFirstAndListCalleesFirst() throws Exception {
        VerifiedProgram p = Probes.verify(ThreeMain.class);
        assertTrue(p.ok(), p.messages()::toString);
        // ThreeMain names ThreeA (setup) before ThreeB (<clinit>, last in the class file); ThreeA names ThreeB
        assertEquals(List.of("probe/ThreeB", "probe/ThreeA", "probe/ThreeMain"), p.initOrder());
        assertEquals(List.of(
                "ThreeB.<clinit>()V", "ThreeB.start()I", "ThreeA.<clinit>()V", "ThreeMain.<clinit>()V",
                "ThreeA.init()V", "ThreeMain.setup()V", "ThreeB.twice(I)I", "ThreeA.step(I)I", "ThreeMain.loop()V"),
                p.reachableMethods().stream().map(MethodRef::display).toList());
        assertEquals(3, p.maxCallDepth());
    }

    @Test
    void everyViolationOfOneProgramIsListed() throws Exception {
        String dbl = ": use float or fixed-point int (Multi.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/Multi.java:9: error: string concatenation compiles to invokedynamic: print the parts with"
                        + " Serial.print (Multi.setup()V, bytecode 3)",
                "probe/bad/Multi.java:14: error: double (i2d)" + dbl + "12)",
                "probe/bad/Multi.java:14: error: double (dstore_0)" + dbl + "13)",
                "probe/bad/Multi.java:15: error: double (dload_0)" + dbl + "14)",
                "probe/bad/Multi.java:15: error: double (d2f)" + dbl + "15)",
                "probe/bad/Multi.java:23: error: recursion: Multi.f(I)I -> Multi.g(I)I -> Multi.f(I)I: the stack"
                        + " depth must be computable; use a loop (Multi.g(I)I, bytecode 1)",
                "probe/bad/Multi.java:23: error: call outside the image: java/lang/Integer.bitCount(I)I"
                        + " (Multi.g(I)I, bytecode 5)"),
                Probes.verify(Multi.class).messages());
    }
}
