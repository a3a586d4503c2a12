package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import probe.bad.Assert;
import probe.bad.EnumSwitch;
import probe.bad.Lambda;
import probe.bad.StringConcat;
import probe.bad.StringConstant;

/**
 * Java constructs javac compiles to objects behind the source's back: string concatenation,
 * lambdas, {@code assert}, enum switches, non-constant strings. Each message names the construct.
 */
class JavacSugarTest {
    @Test
    void stringConcatenationNamesTheInvokedynamic() throws Exception {
        assertEquals(List.of(
                "probe/bad/StringConcat.java:12: error: string concatenation compiles to invokedynamic: print the"
                        + " parts with Serial.print (StringConcat.loop()V, bytecode 3)"),
                Probes.verify(StringConcat.class).messages());
    }

    @Test
    void lambdaNeedsObjects() throws Exception {
        assertEquals(List.of(
                "probe/bad/Lambda.java:10: error: lambda or method reference compiles to invokedynamic: lambdas and"
                        + " method references need objects (Lambda.loop()V, bytecode 0)",
                "probe/bad/Lambda.java:11: error: instance method call (invokeinterface java/lang/Runnable.run()V):"
                        + " firmware has no objects: use static methods (Lambda.loop()V, bytecode 7)"),
                Probes.verify(Lambda.class).messages());
    }

    @Test
    void assertNeedsExceptions() throws Exception {
        String hint = ": assert needs exceptions: check and call Mcu.panic";
        String clinit = " (Assert.<clinit>()V, bytecode ";
        String loop = " (Assert.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/Assert.java:3: error: class constant (ldc probe/bad/Assert): reflection needs objects"
                        + clinit + "0)",
                "probe/bad/Assert.java:3: error: instance method call (invokevirtual"
                        + " java/lang/Class.desiredAssertionStatus()Z)" + hint + clinit + "2)",
                "probe/bad/Assert.java:3: error: assert flag (putstatic probe/bad/Assert.$assertionsDisabled)" + hint
                        + clinit + "13)",
                "probe/bad/Assert.java:10: error: assert flag (getstatic probe/bad/Assert.$assertionsDisabled)" + hint
                        + loop + "0)",
                "probe/bad/Assert.java:10: error: object instance (new java/lang/AssertionError): use static fields"
                        + " and primitive arrays" + loop + "12)",
                "probe/bad/Assert.java:10: error: constructor call (invokespecial"
                        + " java/lang/AssertionError.<init>()V): use static fields and primitive arrays" + loop + "16)",
                "probe/bad/Assert.java:10: error: throw (athrow): exceptions need objects; use Mcu.panic(code, arg)"
                        + loop + "19)"),
                Probes.verify(Assert.class).messages());
    }

    @Test
    void enumSwitchNamesEnumsAsObjects() throws Exception {
        List<String> messages = Probes.verify(EnumSwitch.class).messages();
        assertTrue(messages.contains("probe/bad/EnumSwitch.java:12: error: instance method call (invokevirtual"
                + " probe/bad/EnumSwitch$Mode.ordinal()I): enums are objects: use static final int constants"
                + " (EnumSwitch.loop()V, bytecode 7)"), messages::toString);
        assertTrue(messages.contains("probe/bad/EnumSwitch.java:4: error: object instance (new"
                + " probe/bad/EnumSwitch$Mode): use static fields and primitive arrays"
                + " (EnumSwitch$Mode.<clinit>()V, bytecode 0)"), messages::toString);
        assertTrue(messages.contains("probe/bad/EnumSwitch.java:4: error: object field EnumSwitch$Mode.OFF"
                + " (Lprobe/bad/EnumSwitch$Mode;): use primitives and one-dimensional primitive arrays"
                + " (EnumSwitch$Mode.$values()[Lprobe/bad/EnumSwitch$Mode;, bytecode 6)"), messages::toString);
        assertFalse(messages.isEmpty());
    }

    @Test
    void stringNotPassedStraightToSerialIsRejected() throws Exception {
        assertEquals(List.of(
                "probe/bad/StringConstant.java:11: error: string (ldc \"hello\"): strings are objects; only a"
                        + " constant passed straight to Serial.print or Serial.println is allowed"
                        + " (StringConstant.loop()V, bytecode 0)"),
                Probes.verify(StringConstant.class).messages());
    }
}
