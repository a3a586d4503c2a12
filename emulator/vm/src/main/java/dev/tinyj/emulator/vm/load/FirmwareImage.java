package dev.tinyj.emulator.vm.load;

import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A firmware image: a main class with {@code public static void setup()} and
 * {@code public static void loop()}, plus every class it reaches, read lazily from a
 * {@link ClassPath} with {@code java.lang.classfile}. HAL classes ({@code dev/tinyj/hal/*}) and
 * JDK classes are never part of the image: calls to them are natives or intrinsics
 * ({@code dev.tinyj.emulator.vm.natives.NativeCatalog}) or violations.
 */
public final class FirmwareImage {
    /** Internal-name prefix of the HAL package. */
    public static final String HAL_PREFIX = "dev/tinyj/hal/";

    /*
     * Compared as a string: a static MethodTypeDesc.ofDescriptor("()V") here can initialise
     * PrimitiveClassDescImpl before ConstantDescs, a JDK init cycle that throws
     * ExceptionInInitializerError when this class is the first to touch java.lang.constant.
     */
    private static final String VOID = "()V";

    private final ClassPath classPath;
    private final String mainClass;
    private final Map<String, Optional<ClassModel>> cache = new LinkedHashMap<>();

    private FirmwareImage(ClassPath classPath, String mainClass) {
        this.classPath = classPath;
        this.mainClass = mainClass;
    }

    /**
     * Loads the main class ({@code a.b.Main} or {@code a/b/Main}) and checks it has
     * {@code static void setup()} and {@code static void loop()}.
     *
     * @throws ImageException when the class is missing or malformed, or lacks setup/loop
     */
    public static FirmwareImage load(ClassPath classPath, String mainClass) throws ImageException {
        String internal = mainClass.replace('.', '/');
        if (internal.endsWith(".class")) {
            internal = internal.substring(0, internal.length() - ".class".length());
        }
        if (internal.startsWith(HAL_PREFIX) || internal.startsWith("java/")) {
            throw new ImageException("main class " + mainClass + " is a HAL or JDK class, not firmware");
        }
        FirmwareImage image = new FirmwareImage(classPath, internal);
        ClassModel main = image.classModel(internal)
                .orElseThrow(() -> new ImageException("main class " + mainClass + " not found on classpath " + classPath));
        for (String name : new String[] {"setup", "loop"}) {
            boolean found = false;
            try {
                for (MethodModel m : main.methods()) {
                    int need = ClassFile.ACC_STATIC | ClassFile.ACC_PUBLIC;
                    if (m.methodName().equalsString(name) && m.methodType().equalsString(VOID)
                            && (m.flags().flagsMask() & need) == need) {
                        found = true;
                    }
                }
            } catch (IllegalArgumentException e) {
                // java.lang.classfile reads lazily: a damaged method table or constant surfaces here
                throw new ImageException("class file " + internal + ".class on classpath " + classPath
                        + " is malformed: " + e.getMessage());
            }
            if (!found) {
                throw new ImageException("firmware " + mainClass + " has no public static void " + name
                        + "(): a firmware class needs both setup() and loop()");
            }
        }
        return image;
    }

    /** Internal name of the main class, e.g. {@code probe/Multi}. */
    public String mainClass() {
        return mainClass;
    }

    /** The main class's model. */
    public ClassModel main() {
        return cache.get(mainClass).orElseThrow();
    }

    /** The classpath the image reads from. */
    public ClassPath classPath() {
        return classPath;
    }

    /**
     * The model of class {@code internalName} if it is on the classpath (loaded once and cached),
     * else empty. HAL and JDK classes are always empty.
     *
     * @throws ImageException when the class file exists but does not parse
     */
    public Optional<ClassModel> classModel(String internalName) throws ImageException {
        Optional<ClassModel> cached = cache.get(internalName);
        if (cached != null) {
            return cached;
        }
        Optional<ClassModel> result = Optional.empty();
        if (!isOutsideImage(internalName)) {
            Optional<byte[]> bytes = classPath.read(internalName);
            if (bytes.isPresent()) {
                try {
                    ClassModel model = ClassFile.of().parse(bytes.get());
                    String declared = model.thisClass().asInternalName();
                    if (!declared.equals(internalName)) {
                        throw new ImageException("class file " + internalName + ".class on classpath " + classPath
                                + " declares class " + declared.replace('/', '.') + ", not "
                                + internalName.replace('/', '.'));
                    }
                    result = Optional.of(model);
                } catch (IllegalArgumentException e) {
                    throw new ImageException("class file " + internalName + ".class on classpath " + classPath
                            + " is malformed: " + e.getMessage());
                }
            }
        }
        cache.put(internalName, result);
        return result;
    }

    /** Whether {@code internalName} is a HAL or JDK class (never loaded into the image). */
    public static boolean isOutsideImage(String internalName) {
        return internalName.startsWith(HAL_PREFIX) || internalName.startsWith("java/")
                || internalName.startsWith("javax/") || internalName.startsWith("jdk/")
                || internalName.startsWith("sun/");
    }

    /** Every class loaded so far (in load order), present ones only. */
    public Map<String, ClassModel> loadedClasses() {
        Map<String, ClassModel> out = new LinkedHashMap<>();
        cache.forEach((k, v) -> v.ifPresent(c -> out.put(k, c)));
        return out;
    }
}
