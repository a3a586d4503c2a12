package dev.tinyj.conformance.differential;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every {@code fw.diff} function, called with generated arguments on the host JVM and in the
 * emulator on arduino-uno and nucleo-l4r5zi, gives the same result (floats bit-identical). One
 * property per function shape drives every function of that descriptor; tries come from
 * {@code tinyj.tries} (TriesSettingTest).
 */
class DifferentialPropertyTest {
    @Provide
    Arbitrary<Integer> ints() {
        return Gen.ints();
    }

    @Provide
    Arbitrary<Long> longs() {
        return Gen.longs();
    }

    @Provide
    Arbitrary<Float> floats() {
        return Gen.floats();
    }

    @Property
    void intFunctionsMatchHost(@ForAll("ints") int a) {
        Twin.checkAll("(I)I", a);
        Twin.checkAll("(I)J", a);
        Twin.checkAll("(I)F", a);
    }

    @Property
    void intPairFunctionsMatchHost(@ForAll("ints") int a, @ForAll("ints") int b) {
        Twin.checkAll("(II)I", a, b);
    }

    @Property
    void longFunctionsMatchHost(@ForAll("longs") long a) {
        Twin.checkAll("(J)J", a);
        Twin.checkAll("(J)I", a);
        Twin.checkAll("(J)F", a);
    }

    @Property
    void longPairFunctionsMatchHost(@ForAll("longs") long a, @ForAll("longs") long b) {
        Twin.checkAll("(JJ)J", a, b);
        Twin.checkAll("(JJ)I", a, b);
    }

    @Property
    void longIntFunctionsMatchHost(@ForAll("longs") long a, @ForAll("ints") int n) {
        Twin.checkAll("(JI)J", a, n);
    }

    @Property
    void floatFunctionsMatchHostBitForBit(@ForAll("floats") float a) {
        Twin.checkAll("(F)F", a);
        Twin.checkAll("(F)I", a);
        Twin.checkAll("(F)J", a);
    }

    @Property
    void floatPairFunctionsMatchHostBitForBit(@ForAll("floats") float a, @ForAll("floats") float b) {
        Twin.checkAll("(FF)F", a, b);
        Twin.checkAll("(FF)I", a, b);
    }

    @Property
    void floatIntFunctionsMatchHostBitForBit(@ForAll("floats") float a, @ForAll("ints") int i) {
        Twin.checkAll("(FI)F", a, i);
    }
}
