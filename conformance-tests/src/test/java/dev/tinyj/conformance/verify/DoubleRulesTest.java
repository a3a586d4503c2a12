package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import probe.bad.DoubleMath;
import probe.bad.DoubleSignature;

/** {@code double} is outside the subset wherever it appears: code, fields, descriptors. */
class DoubleRulesTest {
    private static final String HINT = ": use float or fixed-point int";

    @Test
    void doubleArithmeticIsRejectedAtEveryInstruction() throws Exception {
        String at = " (DoubleMath.loop()V, bytecode ";
        assertEquals(List.of(
                "probe/bad/DoubleMath.java:10: error: double (f2d)" + HINT + at + "3)",
                "probe/bad/DoubleMath.java:10: error: double (dstore_0)" + HINT + at + "4)",
                "probe/bad/DoubleMath.java:11: error: double (dload_0)" + HINT + at + "5)",
                "probe/bad/DoubleMath.java:11: error: double (ldc2_w 2.5)" + HINT + at + "6)",
                "probe/bad/DoubleMath.java:11: error: double (dmul)" + HINT + at + "9)",
                "probe/bad/DoubleMath.java:11: error: double (d2f)" + HINT + at + "10)"),
                Probes.verify(DoubleMath.class).messages());
    }

    @Test
    void doubleFieldAndReturnTypeAreRejected() throws Exception {
        String half = " (DoubleSignature.half(I)D, bytecode ";
        assertEquals(List.of(
                "probe/bad/DoubleSignature.java:10: error: double field DoubleSignature.total (D)" + HINT
                        + " (DoubleSignature.loop()V, bytecode 4)",
                "probe/bad/DoubleSignature.java:14: error: double parameter or return (D)" + HINT
                        + " (DoubleSignature.half(I)D)",
                "probe/bad/DoubleSignature.java:14: error: double (i2d)" + HINT + half + "1)",
                "probe/bad/DoubleSignature.java:14: error: double (ldc2_w 2.0)" + HINT + half + "2)",
                "probe/bad/DoubleSignature.java:14: error: double (ddiv)" + HINT + half + "5)",
                "probe/bad/DoubleSignature.java:14: error: double (dreturn)" + HINT + half + "6)"),
                Probes.verify(DoubleSignature.class).messages());
    }
}
