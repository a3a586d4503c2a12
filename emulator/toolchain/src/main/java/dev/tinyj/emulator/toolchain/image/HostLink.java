package dev.tinyj.emulator.toolchain.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.SortedSet;

/**
 * The runtime linked on the host JVM, as a firmware is linked for the emulator: tiny-runtime's
 * classes loaded afresh together with the generated {@code OpBridges} and {@code OpResolver}
 * ({@link ResolverGenerator#link}), so {@code ModelRunner.invoke} dispatches through the generated
 * bridges. The HAL ({@code dev.tinyj.hal}, e.g. {@code McuStop} from {@code Mcu.panic}) and
 * everything else come from the caller's class loader.
 */
public final class HostLink {
    private static final String RUNTIME = "dev.tinyj.runtime.";

    private final MethodHandle invoke;

    private HostLink(Map<String, byte[]> generated) {
        Loader loader = new Loader(HostLink.class.getClassLoader(), generated);
        try {
            Class<?> runner = loader.loadClass("dev.tinyj.runtime.model.ModelRunner");
            invoke = MethodHandles.publicLookup().findStatic(runner, "invoke",
                    MethodType.methodType(void.class, byte[].class, byte[].class));
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot link tiny-runtime on the host", e);
        }
    }

    /** The runtime with every operator (the default resolver). */
    public static HostLink all() {
        return new HostLink(ResolverGenerator.link(null, null));
    }

    /** The runtime with the per-model resolver of {@code opCodes}. */
    public static HostLink of(SortedSet<Integer> opCodes, String modelName) {
        return new HostLink(ResolverGenerator.link(opCodes, modelName));
    }

    /** {@code ModelRunner.invoke(image, arena)}; a guest panic propagates as the HAL's {@code McuStop}. */
    public void invoke(byte[] image, byte[] arena) {
        try {
            invoke.invokeExact(image, arena);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    /** Child-first for tiny-runtime and the generated classes, parent-first for the rest. */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> generated;

        Loader(ClassLoader parent, Map<String, byte[]> generated) {
            super("tinyj-host-link", parent);
            this.generated = generated;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(RUNTIME)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    String internal = name.replace('.', '/');
                    byte[] bytes = generated.containsKey(internal) ? generated.get(internal) : runtimeClass(internal);
                    c = defineClass(name, bytes, 0, bytes.length);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        private byte[] runtimeClass(String internal) throws ClassNotFoundException {
            try (InputStream in = getParent().getResourceAsStream(internal + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(internal);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
