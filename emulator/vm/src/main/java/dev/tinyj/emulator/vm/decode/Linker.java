package dev.tinyj.emulator.vm.decode;

import dev.tinyj.boards.Board;
import dev.tinyj.boards.CostTable;
import dev.tinyj.emulator.vm.cost.InlinePolicy;
import dev.tinyj.boards.MemoryModel;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.memory.GuestArray;
import dev.tinyj.emulator.vm.verify.Limits;
import dev.tinyj.emulator.vm.verify.MethodRef;
import dev.tinyj.emulator.vm.verify.ProgmemTable;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;
import java.lang.classfile.Attributes;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.lang.classfile.MethodModel;
import java.lang.constant.ConstantDesc;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Links a verified firmware image for one board: assigns method ids, predecodes every reachable
 * method ({@link Predecoder}), lays out static fields, evaluates @Progmem tables into flash
 * arrays, collects constant strings, and sums flash code bytes with the board's code-size model:
 * Σ over reachable methods of (bytecode bytes − @Progmem initialiser bytes) x expansion +
 * per-method bytes (DESIGN.md, "Flash code size"; the VM base is added by the machine).
 */
public final class Linker implements LinkContext {
    private final FirmwareImage image;
    private final Board board;
    private final Map<MethodRef, Integer> ids = new LinkedHashMap<>();
    private final Map<String, StaticField> statics = new LinkedHashMap<>();
    private final Map<String, ProgmemTable> progmemByField = new HashMap<>();
    private final Map<String, ProgmemTable> progmemByStart = new HashMap<>();
    private final Map<Integer, GuestArray> progmemArrays = new LinkedHashMap<>();
    private final List<String> strings = new ArrayList<>();
    private final List<String> sites = new ArrayList<>();
    private int staticBytes;
    private final Map<String, Boolean> inlinedCache = new java.util.HashMap<>();
    /** Extra entry points of the main class (called from the host, so never inlined). */
    private java.util.Set<String> entryPoints = java.util.Set.of();

    private Linker(FirmwareImage image, Board board) {
        this.image = image;
        this.board = board;
    }

    /**
     * Links the image.
     *
     * @param image the loaded image
     * @param verified the verifier's result; must be {@link VerifiedProgram#ok()}
     * @param board the target board (cost table, memory and code-size models)
     * @throws ImageException when a reachable method or class cannot be found
     * @throws IllegalArgumentException when {@code verified} has violations
     */
    public static Program link(FirmwareImage image, VerifiedProgram verified, Board board) throws ImageException {
        if (!verified.ok()) {
            throw new IllegalArgumentException("cannot link a program with subset violations");
        }
        Linker linker = new Linker(image, board);
        linker.entryPoints = verified.entryPoints();
        return linker.run(verified.reachableMethods(), verified.initOrder(),
                verified.progmemTables());
    }

    private Program run(List<MethodRef> reachable, List<String> initOrder, List<ProgmemTable> progmem)
            throws ImageException {
        long tableBytes = 0;
        for (ProgmemTable p : progmem) {
            tableBytes += p.dataBytes();
        }
        if (tableBytes > board.flash().size()) {
            throw new ImageException("the @Progmem tables need " + tableBytes + " bytes of flash but board "
                    + board.id() + " has " + board.flash().size() + " bytes of flash");
        }
        for (ProgmemTable p : progmem) {
            progmemByField.put(p.owner() + "." + p.field(), p);
            progmemByStart.put(p.owner() + ".<clinit>@" + p.startOffset(), p);
        }
        for (MethodRef k : reachable) {
            ids.putIfAbsent(k, ids.size());
        }
        Predecoder pre = new Predecoder(this);
        DecodedMethod[] methods = new DecodedMethod[ids.size()];
        long codeBytes = 0;
        for (Map.Entry<MethodRef, Integer> e : ids.entrySet()) {
            MethodRef k = e.getKey();
            ClassModel cls = image.classModel(k.owner())
                    .orElseThrow(() -> new ImageException("cannot find class " + k.owner()));
            MethodModel mm = cls.methods().stream()
                    .filter(m -> m.methodName().equalsString(k.name()) && m.methodType().equalsString(k.descriptor()))
                    .findFirst()
                    .orElseThrow(() -> new ImageException("cannot find method " + k.display()));
            DecodedMethod dm = pre.decode(e.getValue(), cls, mm);
            methods[dm.id] = dm;
            codeBytes += board.codeSize().methodBytes(dm.codeBytes);
        }
        String main = image.mainClass();
        int setup = ids.getOrDefault(new MethodRef(main, "setup", "()V"), -1);
        int loop = ids.getOrDefault(new MethodRef(main, "loop", "()V"), -1);
        if (setup < 0 || loop < 0) {
            throw new ImageException("firmware " + main + " needs static void setup() and loop()");
        }
        List<Integer> inits = new ArrayList<>();
        for (String cls : initOrder) {
            Integer id = ids.get(new MethodRef(cls, "<clinit>", "()V"));
            if (id != null) {
                inits.add(id);
            }
        }
        long constantBytes = 0;
        for (GuestArray a : progmemArrays.values()) {
            constantBytes += a.dataBytes();
        }
        for (String s : strings) {
            constantBytes += s.length() + 1;
        }
        return new Program(methods, setup, loop, inits.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(statics.values()), staticBytes, progmemArrays, List.copyOf(strings), List.copyOf(sites),
                codeBytes, constantBytes);
    }

    /**
     * The slot of the static field {@code owner.name} of type {@code descriptor} as an instruction
     * names it: resolved to the class that declares it, searching {@code owner} then its
     * superclasses (JVMS §5.4.3.2), so {@code Sub.x} and {@code Base.x} share {@code Base}'s slot;
     * one slot per declaring class, name and descriptor.
     */
    @Override
    public StaticField staticField(String owner, String name, String descriptor) {
        String declaring = declaringClass(owner, name, descriptor);
        String key = declaring + "." + name + ":" + descriptor;
        StaticField f = statics.get(key);
        if (f != null) {
            return f;
        }
        ProgmemTable pm = progmemByField.get(declaring + "." + name);
        if (pm != null && !descriptor.equals("[" + pm.elementType())) {
            pm = null;
        }
        int bytes = pm != null ? 0 : fieldBytes(descriptor, board.memory().pointerBytes());
        f = new StaticField(declaring, name, descriptor, statics.size(), bytes,
                constantValue(declaring, name, descriptor));
        statics.put(key, f);
        staticBytes += bytes;
        if (pm != null) {
            long[] values = pm.values();
            GuestArray a = GuestArray.allocate(GuestArray.atypeOf(pm.elementType()), values.length, true);
            for (int k = 0; k < values.length; k++) {
                a.set(k, values[k]);
            }
            progmemArrays.put(f.slot(), a);
        }
        return f;
    }

    /**
     * The class declaring field {@code name} of type {@code descriptor}: {@code owner} or the
     * nearest superclass that has it (JVMS §5.4.3.2). The verifier resolved it already, so the
     * chain is acyclic and bounded by {@link Limits#MAX_SUPERCLASS_DEPTH}; the walk stops there
     * in any case.
     */
    private String declaringClass(String owner, String name, String descriptor) {
        try {
            String at = owner;
            for (int k = 0; k <= Limits.MAX_SUPERCLASS_DEPTH; k++) {
                var cls = image.classModel(at);
                if (cls.isEmpty()) {
                    break;
                }
                for (FieldModel fm : cls.get().fields()) {
                    if (fm.fieldName().equalsString(name) && fm.fieldType().equalsString(descriptor)) {
                        return at;
                    }
                }
                if (cls.get().superclass().isEmpty()) {
                    break;
                }
                at = cls.get().superclass().get().asInternalName();
            }
        } catch (ImageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        throw new IllegalStateException("verified field " + owner + "." + name + " " + descriptor
                + " has no declaring class");
    }

    private long constantValue(String owner, String name, String descriptor) {
        try {
            var cls = image.classModel(owner);
            if (cls.isEmpty()) {
                return 0;
            }
            for (FieldModel fm : cls.get().fields()) {
                if (fm.fieldName().equalsString(name) && fm.fieldType().equalsString(descriptor)) {
                    var cv = fm.findAttribute(Attributes.constantValue());
                    if (cv.isPresent()) {
                        ConstantDesc d = cv.get().constant().constantValue();
                        return switch (d) {
                            case Integer i -> i;
                            case Long l -> l;
                            case Float fl -> Float.floatToRawIntBits(fl);
                            default -> 0;
                        };
                    }
                }
            }
        } catch (ImageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return 0;
    }

    /** SRAM bytes of a static field of this descriptor. */
    static int fieldBytes(String descriptor, int pointerBytes) {
        return switch (descriptor.charAt(0)) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> pointerBytes;
        };
    }

    @Override
    public int methodId(String owner, String name, String descriptor) {
        return ids.getOrDefault(new MethodRef(owner, name, descriptor), -1);
    }

    @Override
    public int stringIndex(String s) {
        int k = strings.indexOf(s);
        if (k >= 0) {
            return k;
        }
        strings.add(s);
        return strings.size() - 1;
    }

    @Override
    public int allocationSite(String description) {
        sites.add(description);
        return sites.size() - 1;
    }

    @Override
    public ProgmemTable progmemAt(String owner, String method, int bytecode) {
        if (!method.equals("<clinit>")) {
            return null;
        }
        return progmemByStart.get(owner + ".<clinit>@" + bytecode);
    }

    private java.util.Optional<ClassModel> classModel(String owner) {
        try {
            return image.classModel(owner);
        } catch (ImageException e) {
            return java.util.Optional.empty();
        }
    }

    @Override
    public boolean inlined(String owner, String name, String descriptor) {
        if (owner.equals(image.mainClass()) && entryPoints.contains(name)) {
            return false;
        }
        return inlinedCache.computeIfAbsent(owner + "." + name + descriptor, k -> classModel(owner)
                .flatMap(cls -> cls.methods().stream()
                        .filter(m -> m.methodName().equalsString(name) && m.methodType().equalsString(descriptor))
                        .findFirst())
                .flatMap(m -> m.findAttribute(java.lang.classfile.Attributes.code()))
                .map(code -> InlinePolicy.inlines(name, code))
                .orElse(false));
    }

    @Override
    public CostTable costs() {
        return board.costs();
    }

    @Override
    public MemoryModel memory() {
        return board.memory();
    }
}
