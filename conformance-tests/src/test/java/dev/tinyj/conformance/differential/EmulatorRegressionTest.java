package dev.tinyj.conformance.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tinyj.conformance.support.Emu;
import org.junit.jupiter.api.Test;

/** Emulator bugs the differential tests found, one named case each. */
class EmulatorRegressionTest {
    /**
     * {@code aconst_null} (a local {@code int[] x = null}): the predecoder took
     * {@code ConstantInstruction.constantValue()}, which is {@code ConstantDescs.NULL} rather than
     * {@code null}, and failed linking with "constant outside the subset" (an internal error, exit 4).
     */
    @Test
    void nullArrayConstantLinksAndRunsOnEveryBoard() throws Exception {
        var fn = fw.diff.ArrayOps.class.getMethod("references", int.class, int.class);
        for (String board : Twin.BOARDS) {
            Emu.build(fw.diff.ArrayOps.class, board);
        }
        Twin.check(fn, -3, 4);
        Twin.check(fn, 2, 2);
        // same array twice: equal (1), not ib (2), null local (4), length 8 plus 8 (16)
        assertEquals(1 | 2 | 4 | 16, Twin.raw(int.class, fn.invoke(null, 2, 2)));
    }
}
