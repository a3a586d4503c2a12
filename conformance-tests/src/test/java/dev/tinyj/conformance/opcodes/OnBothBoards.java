package dev.tinyj.conformance.opcodes;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A test run once per board, an 8-bit and a 32-bit core, with the board id as its parameter. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "on {0}")
@ValueSource(strings = {"arduino-uno", "nucleo-l4r5zi"})
@interface OnBothBoards {
}
