package dev.tinyj.emulator.toolchain.ops;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tinyj.runtime.model.ModelImage;
import org.junit.jupiter.api.Test;

/**
 * Omitted operands: TFLite positions on the host, image positions on the device. Without any
 * omitted operand the two agree (every image stays as it was); with them, positions, masks and
 * operand lists skip the omitted ones, and an inconsistent declaration is refused.
 */
class OperandsTest {
    /** 0..5, 1 and 3 omitted (optional, never read), 4 the state. */
    private static final Operands SIX = new Operands(6, 6, 0b110101, 0, 0b001010, 0b010000, 0b001010);

    @Test
    void withoutOmittedOperandsImagePositionsAreTflitePositions() {
        Operands o = Operands.of(2, 3, 2).optional(2);
        for (int k = 0; k < 3; k++) {
            assertEquals(k, o.imagePosition(k));
        }
        assertEquals(0b011, o.imageMask(o.read()));
        assertEquals(2, o.imageMin());
        assertEquals(3, o.imageMax());
        assertArrayEquals(new int[] {4, 7, -1}, o.inImage(new int[] {4, 7, -1}));
    }

    @Test
    void omittedOperandsAreLeftOutOfTheImage() {
        assertEquals(0, SIX.imagePosition(0));
        assertEquals(1, SIX.imagePosition(2));
        assertEquals(2, SIX.imagePosition(4));
        assertEquals(3, SIX.imagePosition(5));
        assertThrows(IllegalArgumentException.class, () -> SIX.imagePosition(3));
        assertEquals(0b1111, SIX.imageMask(SIX.read()));
        assertEquals(0b0100, SIX.imageMask(SIX.state()));
        assertEquals(4, SIX.imageMin());
        assertEquals(4, SIX.imageMax());
        assertArrayEquals(new int[] {10, 12, 14, 15}, SIX.inImage(new int[] {10, -1, 12, -1, 14, 15}));
        assertThrows(IllegalArgumentException.class, () -> SIX.inImage(new int[] {10, 11, 12, -1, 14, 15}));
    }

    @Test
    void inconsistentOmissionsAreRefused() {
        // omitted but not optional; omitted and read; omitted at or past min; too many operands left in the image
        assertThrows(IllegalArgumentException.class, () -> new Operands(3, 3, 0b001, 0, 0, 0, 0b010));
        assertThrows(IllegalArgumentException.class, () -> new Operands(3, 3, 0b011, 0, 0b010, 0, 0b010));
        assertThrows(IllegalArgumentException.class, () -> new Operands(2, 3, 0b001, 0, 0b100, 0, 0b100));
        assertThrows(IllegalArgumentException.class, () -> new Operands(24, 24, 1, 0, 0b110, 0, 0b110));
        assertThrows(IllegalArgumentException.class, () -> new Operands(25, 25, 1, 0, 0, 0, 0));
    }

    @Test
    void theLstmFitsAnImageEntry() {
        OpSpec lstm = OpTable.spec(OpTable.code("UNIDIRECTIONAL_SEQUENCE_LSTM"));
        Operands o = lstm.operands();
        assertEquals(24, o.max());
        assertEquals(15, o.imageMax());
        int rule = lstm.imageRule();
        assertEquals(15, rule & 0xFF);
        assertEquals(15, rule >> 8 & 0x7F);
        assertEquals(0x7FFF, rule >>> 16, "the kernel reads all 15 image operands");
        assertEquals(0b110_0000_0000_0000 << ModelImage.FLAG_STATE_SHIFT, lstm.imageStateFlags(),
                "hidden and cell state at image positions 13 and 14");
        assertEquals(13, o.imagePosition(18));
        assertEquals(14, o.imagePosition(19));
    }
}
