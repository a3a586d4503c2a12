package dev.tinyj.emulator.vm.decode;

/**
 * A static field given a slot in the machine's static area.
 *
 * @param owner internal class name
 * @param name field name
 * @param descriptor JVMS field descriptor, e.g. {@code I}, {@code [B}
 * @param slot index in the static value array
 * @param sramBytes bytes it takes in SRAM (0 for a @Progmem table's reference: an address constant)
 * @param initial initial raw value (ConstantValue attribute, else 0)
 */
public record StaticField(String owner, String name, String descriptor, int slot, int sramBytes, long initial) {
}
