package dev.tinyj.emulator.vm.decode;

import dev.tinyj.emulator.vm.memory.GuestArray;
import java.util.List;
import java.util.Map;

/**
 * A linked, predecoded firmware image ready for a machine: every reachable method decoded, static
 * fields laid out, @Progmem tables evaluated, constant strings collected.
 *
 * @param methods every reachable method, indexed by {@link DecodedMethod#id}
 * @param setupId id of {@code setup()V}
 * @param loopId id of {@code loop()V}
 * @param initializers ids of the {@code <clinit>} methods in the order they run
 * @param statics every static field referenced by reachable code, by slot
 * @param staticBytes SRAM bytes of those fields
 * @param progmem @Progmem tables: static slot → the flash array to put there
 * @param strings constant strings (an {@code ldc} of a String pushes its index here)
 * @param allocationSites description per {@code newarray} site index, e.g.
 *     {@code Demo.setup()V (probe/Demo.java:12)}
 * @param codeBytes flash code bytes of the firmware (without the VM base)
 * @param constantBytes flash bytes of @Progmem tables and strings
 */
public record Program(
        DecodedMethod[] methods,
        int setupId,
        int loopId,
        int[] initializers,
        List<StaticField> statics,
        int staticBytes,
        Map<Integer, GuestArray> progmem,
        List<String> strings,
        List<String> allocationSites,
        long codeBytes,
        long constantBytes) {

    /** The method with this key, or -1. */
    public int find(String owner, String name, String descriptor) {
        for (DecodedMethod m : methods) {
            if (m.owner.equals(owner) && m.name.equals(name) && m.descriptor.equals(descriptor)) {
                return m.id;
            }
        }
        return -1;
    }
}
