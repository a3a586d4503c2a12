package dev.tinyj.emulator.toolchain.tflite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@link FlatBufferBuilder}: exact bytes, alignment, defaults, vtable sharing, read back with {@link FlatBuffer}. */
class FlatBufferBuilderTest {
    private static int u32(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8 | (b[at + 2] & 0xFF) << 16 | b[at + 3] << 24;
    }

    @Test
    void oneIntTableHasTheReferenceBuildersBytes() {
        FlatBufferBuilder b = new FlatBufferBuilder();
        b.startTable();
        b.addInt(0, 7, 0);
        byte[] out = b.finish(b.endTable(), "TEST");
        assertArrayEquals(new byte[] {16, 0, 0, 0, 'T', 'E', 'S', 'T', 0, 0, // root offset, identifier, padding
            6, 0, 8, 0, 4, 0, // vtable: 6 bytes, table 8 bytes, field 0 at 4
            6, 0, 0, 0, 7, 0, 0, 0}, out); // table: soffset 6 back to its vtable, the int
    }

    @Test
    void stringsAreLengthPrefixedNulTerminatedAndAligned() throws Exception {
        FlatBufferBuilder b = new FlatBufferBuilder();
        int s = b.createString("héllo");
        b.startTable();
        b.addOffset(0, s);
        byte[] out = b.finish(b.endTable(), "ABCD");
        FbTable root = new FlatBuffer(out, "t").root("T");
        assertEquals("héllo", root.string(0, "s"));
        int at = root.position() + u32(out, root.field(0, 4, "s"));
        int ref = root.field(0, 4, "s");
        int target = ref + u32(out, ref);
        assertEquals(0, target % 4, "the length is 4-byte aligned");
        assertEquals(6, u32(out, target), "UTF-8 bytes");
        assertEquals(0, out[target + 4 + 6], "NUL");
        assertTrue(at > 0);
    }

    @Test
    void vectorsAreAlignedToTheirElementsAndToTheForcedAlignment() throws Exception {
        for (int junk = 0; junk < 16; junk++) {
            FlatBufferBuilder b = new FlatBufferBuilder(16);
            b.createByteVector(new byte[junk], 1);
            int longs = b.createLongVector(new long[] {-1, 1L << 40});
            int bytes = b.createByteVector(new byte[] {1, 2, 3}, 16);
            int floats = b.createFloatVector(new float[] {0.5f, -0f});
            int ints = b.createIntVector(new int[] {-1, 2, 3});
            b.startTable();
            b.addOffset(3, ints);
            b.addOffset(2, floats);
            b.addOffset(1, bytes);
            b.addOffset(0, longs);
            byte[] out = b.finish(b.endTable(), "ABCD");
            assertEquals(0, out.length % 16, "padded to the largest alignment");
            FbTable t = new FlatBuffer(out, "t").root("T");
            FbVector l = t.vector(0, "l", 8, "int64");
            assertEquals(0, l.start() % 8);
            assertArrayEquals(new long[] {-1, 1L << 40}, l.int64s());
            FbVector by = t.vector(1, "b", 1, "byte");
            assertEquals(0, by.start() % 16);
            assertArrayEquals(new byte[] {1, 2, 3}, by.bytes());
            assertArrayEquals(new float[] {0.5f, -0f}, t.vector(2, "f", 4, "float").float32s());
            assertEquals(Float.floatToRawIntBits(-0f), t.vector(2, "f", 4, "float").int32(1));
            assertArrayEquals(new int[] {-1, 2, 3}, t.vector(3, "i", 4, "int").int32s());
        }
    }

    @Test
    void defaultsAreLeftOutAndIdenticalVtablesShared() throws Exception {
        FlatBufferBuilder b = new FlatBufferBuilder();
        int[] tables = new int[3];
        for (int i = 0; i < 3; i++) {
            b.startTable();
            b.addInt(1, i == 2 ? 0 : 5 + i, 0); // the third table leaves field 1 out
            b.addFloat(0, 1.5f, 0f);
            b.addBool(2, false, false);
            tables[i] = b.endTable();
        }
        int vec = b.createOffsetVector(tables);
        b.startTable();
        b.addOffset(0, vec);
        byte[] out = b.finish(b.endTable(), null);
        FlatBuffer fb = new FlatBuffer(out, "t");
        FbVector v = fb.root("T").vector(0, "v", 4, "T");
        int[] vtables = new int[3];
        for (int i = 0; i < 3; i++) {
            FbTable t = v.table(i);
            assertFalse(t.has(2), "false = default: left out");
            assertEquals(1.5f, t.float32(0, "f", 0f));
            assertEquals(i == 2 ? 0 : 5 + i, t.int32(1, "i", 0));
            assertEquals(i < 2, t.has(1));
            vtables[i] = t.position() - fb.int32(t.position(), "soffset");
        }
        assertEquals(vtables[0], vtables[1], "same layout and size: one vtable");
        assertTrue(vtables[2] != vtables[0], "another layout: its own vtable");
        assertEquals(out.length, b.offset());
    }

    @Test
    void alignmentPaddingBeforeATableCountsInItsSizeAsInTheReferenceBuilder() throws Exception {
        FlatBufferBuilder b = new FlatBufferBuilder();
        b.startTable();
        b.addInt(0, 1, 0);
        b.endTable(); // table (8 bytes) and its 6-byte vtable: 14 bytes used
        b.startTable();
        b.addInt(0, 2, 0); // 2 bytes of padding first
        byte[] out = b.finish(b.endTable(), null);
        FlatBuffer fb = new FlatBuffer(out, "t");
        FbTable root = fb.root("T");
        int vtable = root.position() - fb.int32(root.position(), "soffset");
        assertEquals(10, fb.uint16(vtable + 2, "table size"), "soffset, int and the 2 bytes of padding");
        assertEquals(2, root.int32(0, "i", 0));
    }

    @Test
    void structVectorsAndLongFields() throws Exception {
        FlatBufferBuilder b = new FlatBufferBuilder(16);
        b.createString("x");
        byte[] structs = {1, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0}; // two 8-byte structs
        int v = b.createStructVector(structs, 8, 8);
        b.startTable();
        b.addLong(1, Long.MIN_VALUE, 0);
        b.addOffset(0, v);
        byte[] out = b.finish(b.endTable(), "ABCD");
        FbTable t = new FlatBuffer(out, "t").root("T");
        FbVector sv = t.vector(0, "s", 8, "struct");
        assertEquals(2, sv.length());
        assertEquals(0, sv.start() % 8);
        assertArrayEquals(new long[] {1, 2}, sv.int64s());
        assertEquals(Long.MIN_VALUE, t.int64(1, "l", 0));
        assertEquals(0, t.field(1, 8, "l") % 8, "8-byte field aligned");
        assertThrows(IllegalArgumentException.class,
                () -> new FlatBufferBuilder().createStructVector(new byte[3], 2, 2));
    }

    @Test
    void misuseIsAnError() {
        FlatBufferBuilder b = new FlatBufferBuilder();
        b.startTable();
        assertThrows(IllegalStateException.class, () -> b.createString("x"));
        b.addInt(0, 1, 0);
        assertThrows(IllegalStateException.class, () -> b.addInt(0, 2, 0));
        int t = b.endTable();
        assertThrows(IllegalStateException.class, b::endTable);
        assertThrows(IllegalArgumentException.class, () -> b.finish(t, "TOOLONG"));
        assertThrows(IllegalArgumentException.class, () -> b.preAlign(0, 3));
        b.finish(t, "ABCD");
        assertThrows(IllegalStateException.class, () -> b.createString("after"));
    }
}
