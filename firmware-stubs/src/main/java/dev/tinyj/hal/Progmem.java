package dev.tinyj.hal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code static final} primitive array as a constant table that belongs in flash, as
 * avr-libc's {@code PROGMEM} does. The field must be initialised in {@code <clinit>} from
 * constants only ({@code new T[]{...}}); the emulator evaluates it at load time, places its data
 * bytes in flash (not its initialiser's bytecode), charges flash-load costs on reads, and faults
 * on a store into it.
 */
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Progmem {
}
