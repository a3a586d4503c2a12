package dev.tinyj.emulator.vm.verify;

import java.util.Objects;

/**
 * A method of the firmware image, named as a JVMS §4.3.3 method descriptor names it.
 *
 * @param owner internal name of the declaring class, e.g. {@code probe/Multi}
 * @param name method name, e.g. {@code loop} or {@code <clinit>}
 * @param descriptor method descriptor, e.g. {@code ()V}
 */
public record MethodRef(String owner, String name, String descriptor) {
    public MethodRef {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(descriptor, "descriptor");
    }

    /** {@code Multi.loop()V}: simple class name, method name and descriptor, for messages. */
    public String display() {
        return simpleName(owner) + "." + name + descriptor;
    }

    /** The part of an internal class name after the last {@code /}. */
    static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
