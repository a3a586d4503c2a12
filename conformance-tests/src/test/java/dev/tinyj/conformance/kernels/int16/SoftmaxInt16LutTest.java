package dev.tinyj.conformance.kernels.int16;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.tinyj.emulator.toolchain.prepare.PrepareException;
import dev.tinyj.emulator.toolchain.prepare.PreparedOp;
import dev.tinyj.emulator.toolchain.prepare.SoftmaxInt16Prepare;
import dev.tinyj.runtime.kernels.SoftmaxInt16;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * SOFTMAX int16's lookup tables as the host prepare writes them into the parameter block equal
 * TFLM's, entry for entry: {@code LUTPopulate<int16_t>} as {@code InitializeLutForInt16} calls it
 * (tflite-micro 90b983c2b3f1480642e040bbd2ddb37b998f3424), built with g++ on x86-64, in test
 * resource {@code int16/softmax_int16_luts.txt}. The tables do not depend on the model (TFLM fills
 * them from constants), so one case checks them; it pins the float arithmetic of
 * {@code Int16Lut} and Java's {@code exp} rounded to float against glibc's {@code expf}.
 */
class SoftmaxInt16LutTest {
    static final short[] TFLM_EXP = table("exp");
    static final short[] TFLM_ONE_OVER_ONE_PLUS_X = table("one_over_one_plus_x");

    @Test
    void tablesInTheParameterBlockAreTflms() throws PrepareException {
        PreparedOp p = new SoftmaxInt16Prepare().prepare(Int16Cases.softmax(1).ctx());
        assertArrayEquals(TFLM_EXP, entries(p.params(), SoftmaxInt16.P_EXP_LUT), "exp table");
        assertArrayEquals(TFLM_ONE_OVER_ONE_PLUS_X, entries(p.params(), SoftmaxInt16.P_ONE_OVER_ONE_PLUS_X_LUT),
                "1/(1+x) table");
    }

    private static short[] entries(byte[] params, int at) {
        short[] v = new short[SoftmaxInt16.LUT_SIZE];
        ByteBuffer.wrap(params, at, 2 * v.length).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(v);
        return v;
    }

    private static short[] table(String name) {
        try (InputStream in = SoftmaxInt16LutTest.class.getResourceAsStream("/int16/softmax_int16_luts.txt")) {
            String line = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow();
            int[] v = Arrays.stream(line.substring(name.length() + 1).trim().split(" ")).mapToInt(Integer::parseInt)
                    .toArray();
            short[] s = new short[v.length];
            for (int k = 0; k < v.length; k++) {
                s[k] = (short) v[k];
            }
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
