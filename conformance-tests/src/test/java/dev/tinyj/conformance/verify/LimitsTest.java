package dev.tinyj.conformance.verify;

import static java.lang.constant.ConstantDescs.MTD_void;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli;
import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import probe.bad.FlashTable;
import probe.bad.HugeTable;

/**
 * The verifier's limits (vm/verify/Limits.java), each checked before the host allocates for it:
 * exit 2 naming the limit, never a host OutOfMemoryError or StackOverflowError.
 */
class LimitsTest {
    private static final int PUBLIC_STATIC = ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC;
    private static final ClassDesc ODD = ClassDesc.of("gen.Odd");

    @TempDir
    Path dir;

    @Test
    void a2GigabyteProgmemTableIsRefusedWithoutAllocatingIt() throws Exception {
        assertEquals(List.of("probe/bad/HugeTable.java:9: error: @Progmem table T needs 2,000,000,000 bytes of flash:"
                + " all tables together may take at most 4,194,304 bytes (Limits.MAX_PROGMEM_BYTES, twice the largest"
                + " board flash) (HugeTable.<clinit>()V, bytecode 4)"), Probes.verify(HugeTable.class).messages());
        Hostile.refusedByCli(Probes.testClasses().toString(), HugeTable.class.getName(),
                "@Progmem table T needs 2,000,000,000 bytes of flash");
    }

    @Test
    void aTableBeyondTheBoardsFlashIsRefusedAtLink() throws Exception {
        assertEquals(List.of(), Probes.verify(FlashTable.class).messages());
        Cli.Outcome o = Cli.tinyj("firmware", "--board", "arduino-uno", "--classpath", Probes.testClasses().toString(),
                "--main", FlashTable.class.getName());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("the @Progmem tables need 100000 bytes of flash but board arduino-uno has 32256"
                + " bytes of flash"), o.err());
    }

    /** gen.Odd whose loop() calls m0, m0 calls m1, ..., m(n-1) returns. */
    private void chain(int n) {
        Hostile.write(dir, "gen.Odd", Hostile.firmware("gen.Odd", cb -> {
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.invokestatic(ODD, "m0", MTD_void).return_());
            for (int k = 0; k < n; k++) {
                int next = k + 1;
                cb.withMethodBody("m" + k, MTD_void, PUBLIC_STATIC, c -> {
                    if (next < n) {
                        c.invokestatic(ODD, "m" + next, MTD_void);
                    }
                    c.return_();
                });
            }
        }));
    }

    /**
     * Regression (fresh-user report): m_i calls m_(i+1) twice, 60 deep, so loop() makes 2^60 calls of
     * methods the cost model inlines (0 cycles each); the watchdog used to count only cycles and the
     * run never ended. It now also bounds the bytecodes a call may execute.
     */
    @Test
    void callsThatCostNoCyclesStillMeetTheWatchdog() throws Exception {
        int n = 60;
        Hostile.write(dir, "gen.Odd", Hostile.firmware("gen.Odd", cb -> {
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> c.invokestatic(ODD, "m0", MTD_void).return_());
            for (int k = 0; k < n; k++) {
                int next = k + 1;
                cb.withMethodBody("m" + k, MTD_void, PUBLIC_STATIC, c -> {
                    if (next < n) {
                        c.invokestatic(ODD, "m" + next, MTD_void).invokestatic(ODD, "m" + next, MTD_void);
                    }
                    c.return_();
                });
            }
        }));
        Cli.Outcome o = Cli.tinyj("firmware", "--board", "arduino-uno", "--classpath", dir.toString(), "--main", "gen.Odd",
                "--loops", "1", "--watchdog-cycles", "100000");
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("bytecodes per cycle of the 100,000-cycle budget"), o.err());
    }

    @Test
    void a5000DeepCallChainIsRefusedNamingTheLimit() throws Exception {
        chain(5_000);
        assertEquals(List.of("gen/Odd.class:0: error: call chain of 5001 frames (Odd.loop()V -> Odd.m0()V -> ... ->"
                + " Odd.m4999()V) exceeds the limit of 4,096 frames (Limits.MAX_CALL_DEPTH): no board's SRAM holds it"
                + " (Odd.loop()V)"), Hostile.messages(dir, "gen.Odd"));
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "exceeds the limit of 4,096 frames");
    }

    @Test
    void a4000DeepCallChainIsWithinTheLimit() throws Exception {
        chain(4_000);
        assertEquals(List.of(), Hostile.messages(dir, "gen.Odd"));
        assertEquals(4_001, Probes.verify(dir, "gen.Odd").maxCallDepth());
    }

    @Test
    void tooManyReachableMethodsAreRefused() throws Exception {
        int n = 8_300;
        Hostile.write(dir, "gen.Odd", Hostile.firmware("gen.Odd", cb -> {
            cb.withMethodBody("loop", MTD_void, PUBLIC_STATIC, c -> {
                for (int k = 0; k < n; k++) {
                    c.invokestatic(ODD, "m" + k, MTD_void);
                }
                c.return_();
            });
            for (int k = 0; k < n; k++) {
                cb.withMethodBody("m" + k, MTD_void, PUBLIC_STATIC, c -> c.return_());
            }
        }));
        List<String> m = Hostile.messages(dir, "gen.Odd");
        assertEquals(List.of("gen/Odd.class:0: error: the image reaches more than 8,192 methods, the limit"
                + " (Limits.MAX_METHODS) (Odd.m8190()V)"), m);
    }

    @Test
    void aDeepSuperclassChainIsRefused() throws Exception {
        int n = 70;
        for (int k = 0; k < n; k++) {
            String sup = k + 1 < n ? "gen.C" + (k + 1) : "java.lang.Object";
            String name = "gen.C" + k;
            Hostile.write(dir, name, ClassFile.of().build(ClassDesc.of(name), cb -> cb.withSuperclass(ClassDesc.of(sup))
                    .withMethodBody("f", MTD_void, PUBLIC_STATIC, c -> c.return_())));
        }
        Hostile.write(dir, "gen.Odd", Hostile.firmware("gen.Odd", cb -> cb.withMethodBody("loop", MTD_void,
                PUBLIC_STATIC, c -> c.invokestatic(ClassDesc.of("gen.C0"), "f", MTD_void).return_())));
        List<String> m = Hostile.messages(dir, "gen.Odd");
        assertTrue(m.contains("gen/C0.class:0: error: more than 64 firmware superclasses above C0: the limit of the class"
                + " chain depth (Limits.MAX_SUPERCLASS_DEPTH) (class C0)"), m.toString());
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "more than 64 firmware superclasses above C0");
    }

    @Test
    void anOversizedClassFileIsRefusedBeforeReadingIt() throws Exception {
        Files.createDirectories(dir.resolve("gen"));
        Files.write(dir.resolve("gen/Odd.class"), new byte[9 << 20]);
        Hostile.refusedByCli(dir.toString(), "gen.Odd", "is larger than the limit of 8388608 bytes");
    }
}
