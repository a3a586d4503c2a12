package dev.tinyj.emulator.vm.decode;

/**
 * A method by owner internal name, name and JVMS descriptor.
 *
 * @param owner e.g. {@code probe/Demo}
 * @param name e.g. {@code loop}
 * @param descriptor e.g. {@code ()V}
 */
public record MethodKey(String owner, String name, String descriptor) {
    /** {@code Demo.loop()V}. */
    public String display() {
        return owner.substring(owner.lastIndexOf('/') + 1) + "." + name + descriptor;
    }
}
