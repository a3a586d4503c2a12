package dev.tinyj.emulator.vm.verify;

import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.Opcode;
import java.lang.classfile.instruction.FieldInstruction;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SequencedMap;
import java.util.SequencedSet;
import java.util.Set;

/**
 * Checks that a firmware image stays inside TinyJ's restricted subset (DESIGN.md, "The
 * restricted subset") and computes what the VM needs to run it.
 *
 * <p>Steps:
 * <ol>
 *   <li>Structure, before any other step reads a class or method: each class as it is first
 *       loaded ({@link ClassStructure}, through {@link ClassHierarchy}, which also rejects class
 *       circularity and counts the {@link Limits}), each reached method's code before it is
 *       listed ({@link CodeStructure}). A class or method that fails is reported and not read
 *       further, so later steps (and the type checker, predecoder and cost analyses after them)
 *       may assume valid targets, locals in range, resolvable constants and well-formed names.
 *   <li>Reach: start at the main class ({@code setup()V}, {@code loop()V}); a class is reached
 *       when a reached method names it in {@code invokestatic}, {@code getstatic} or
 *       {@code putstatic} (the class that declares the resolved member, JVMS §5.4.3), or when a
 *       reached class extends it; a reached class's {@code <clinit>} is reached. Only reached
 *       methods are checked, so an unused javac default constructor is no violation.
 *   <li>Check each reached method: flags and descriptor ({@link TypeRules}), each instruction
 *       ({@link InstructionRules}), each {@code invokestatic}/{@code getstatic}/{@code putstatic}
 *       ({@link MemberRules}), each exception-table entry (reported at the start of its
 *       protected range); then, if none of that refused it, its types ({@link TypeInference});
 *       check each reached class's static fields ({@link TypeRules}) and {@code @Progmem} tables
 *       ({@link ProgmemScanner}). A static final field with a ConstantValue attribute (JVMS
 *       §4.7.2) that no reachable code reads is a javac constant and is not checked.
 *   <li>Order: {@link InitOrder} gives the {@code <clinit>} order; {@link CallGraph} gives the
 *       callees-first method order, the longest call chain, and every recursive call.
 * </ol>
 * Every violation is reported, sorted by file, line and offset; identical ones once.
 */
public final class SubsetVerifier {
    private static final String CLINIT = "<clinit>";
    private static final String OBJECT = "java/lang/Object";
    private static final String RECURSION_HINT = "the stack depth must be computable; use a loop";
    private static final String PROGMEM_WRITE = "@Progmem field written outside its constant initialiser: "
            + "flash is read-only";

    /** A reached class and the source file its messages name. */
    private record ClassInfo(String name, ClassModel model, String file, String superclass) {
    }

    /** A reached method and what its code refers to. */
    private record MethodFacts(MethodRef ref, ClassInfo owner, MethodModel model, Listing listing,
            SequencedMap<MethodRef, Listing.Insn> callees, SequencedSet<String> classRefs) {
    }

    private final FirmwareImage image;
    private final MemberRules members;
    private final JdkVerification jdk;
    private final Map<String, ClassInfo> classes = new LinkedHashMap<>();
    private final Map<MethodRef, MethodFacts> methods = new LinkedHashMap<>();
    private final Deque<MethodFacts> work = new ArrayDeque<>();
    private final Set<Violation> violations = new LinkedHashSet<>();
    private final FieldChecks fields = new FieldChecks();
    /** Type violations caused by declared types outside the subset, which other rules normally report. */
    private final List<Violation> typeBackups = new ArrayList<>();
    /** The JDK verifier's findings, reported only when TinyJ's own layers found nothing (their words are clearer). */
    private final List<Violation> jdkBackups = new ArrayList<>();
    /** The class being read or checked, for the message when its class file turns out malformed. */
    private String current;

    /** Extra entry points: static methods of the main class by name (tests and benchmarks call them). */
    private final Set<String> entries;

    private final ClassHierarchy hierarchy;
    /** Whether the method limit was reported (once). */
    private boolean methodLimitReported;

    private SubsetVerifier(FirmwareImage image, Set<String> entries) {
        this.image = image;
        this.entries = Set.copyOf(entries);
        this.hierarchy = new ClassHierarchy(image);
        this.members = new MemberRules(hierarchy);
        this.jdk = new JdkVerification(image);
    }

    /**
     * Verifies {@code image} and returns every violation with the orders and tables the VM needs.
     *
     * @throws ImageException only when a class file of the image cannot be parsed; subset
     *     violations are returned, never thrown
     */
    public static VerifiedProgram verify(FirmwareImage image) throws ImageException {
        return verify(image, Set.of());
    }

    /**
     * Like {@link #verify(FirmwareImage)}, with extra entry points: every static method of the
     * main class whose name is in {@code entryPoints} is a root beside {@code setup()} and
     * {@code loop()} (so a test or benchmark can call it in the emulator).
     *
     * @throws ImageException only when a class file of the image cannot be parsed
     */
    public static VerifiedProgram verify(FirmwareImage image, Set<String> entryPoints) throws ImageException {
        SubsetVerifier v = new SubsetVerifier(image, entryPoints);
        try {
            return v.run();
        } catch (IllegalArgumentException e) {
            // java.lang.classfile parses lazily: a damaged attribute or code array surfaces here
            throw new ImageException("class file " + v.current + ".class is malformed: " + e.getMessage());
        }
    }

    private VerifiedProgram run() throws ImageException {
        current = image.mainClass();
        ClassHierarchy.Loaded mainLoaded = hierarchy.load(image.mainClass());
        if (!mainLoaded.ok()) {
            return finish(List.of(), List.of(), List.of(), 0);
        }
        ClassInfo main = reachClass(mainLoaded.model());
        for (MethodModel m : main.model().methods()) {
            String name = m.methodName().stringValue();
            if ((name.equals("setup") || name.equals("loop")) && m.methodType().equalsString("()V")) {
                reachMethod(main, m);
            } else if (isEntry(m)) {
                reachMethod(main, m);
            }
        }
        while (!work.isEmpty()) {
            check(work.removeFirst());
        }
        List<String> initOrder = InitOrder.compute(main.name(), classRefs(),
                c -> methods.containsKey(new MethodRef(c, CLINIT, "()V")));
        List<MethodRef> roots = new ArrayList<>();
        initOrder.forEach(c -> roots.add(new MethodRef(c, CLINIT, "()V")));
        roots.add(new MethodRef(main.name(), "setup", "()V"));
        roots.add(new MethodRef(main.name(), "loop", "()V"));
        for (MethodModel m : main.model().methods()) {
            if (isEntry(m)) {
                roots.add(new MethodRef(main.name(), m.methodName().stringValue(), m.methodType().stringValue()));
            }
        }
        Map<MethodRef, SequencedMap<MethodRef, Listing.Insn>> edges = new LinkedHashMap<>();
        methods.forEach((ref, facts) -> edges.put(ref, facts.callees()));
        CallGraph<Listing.Insn> graph = new CallGraph<>(edges, roots);
        for (CallGraph.Cycle<Listing.Insn> cycle : graph.cycles()) {
            report(methods.get(cycle.caller()), cycle.site(), "recursion: " + cycle.text() + ": " + RECURSION_HINT);
        }
        if (graph.maxDepth() > Limits.MAX_CALL_DEPTH) {
            List<MethodRef> chain = graph.deepestChain();
            MethodFacts root = methods.get(chain.getFirst());
            violations.add(new Violation(root.owner().file(), root.listing().firstLine(), "call chain of "
                    + graph.maxDepth() + " frames (" + chain.getFirst().display() + " -> " + chain.get(1).display()
                    + " -> ... -> " + chain.getLast().display() + ") exceeds the limit of "
                    + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_CALL_DEPTH)
                    + " frames (Limits.MAX_CALL_DEPTH): no board's SRAM holds it", root.ref().display(),
                    Violation.NO_OFFSET));
        }
        violations.addAll(fields.violations());
        return finish(graph.order(), initOrder, fields.tables(), graph.maxDepth());
    }

    private VerifiedProgram finish(List<MethodRef> order, List<String> initOrder, List<ProgmemTable> tables,
            int depth) {
        violations.addAll(hierarchy.violations());
        if (violations.isEmpty()) {
            violations.addAll(typeBackups); // held back: only when no declared-type rule said it first
        }
        if (violations.isEmpty()) {
            violations.addAll(jdkBackups);
        }
        List<Violation> sorted = new ArrayList<>(violations);
        sorted.sort(null);
        return new VerifiedProgram(sorted, order, initOrder, tables, depth, entries);
    }

    private boolean isEntry(MethodModel m) {
        return entries.contains(m.methodName().stringValue())
                && (m.flags().flagsMask() & java.lang.classfile.ClassFile.ACC_STATIC) != 0;
    }

    private ClassInfo reachClass(ClassModel model) throws ImageException {
        String name = model.thisClass().asInternalName();
        ClassInfo known = classes.get(name);
        if (known != null) {
            return known;
        }
        String caller = current;
        current = name;
        String file = hierarchy.load(name).file();
        ClassModel sup = members.superclass(model).orElse(null);
        ClassInfo info = new ClassInfo(name, model, file, sup == null ? null : sup.thisClass().asInternalName());
        classes.put(name, info);
        if (hierarchy.load(name).ok()) {
            jdkBackups.addAll(jdk.check(model, file));
            String declared = model.superclass().map(e -> e.asInternalName()).orElse(OBJECT);
            if (FirmwareImage.isOutsideImage(declared) && !declared.equals(OBJECT)) {
                // a subset rule, not a structural one: the class is still read, so an enum also gets its hints
                violations.add(ClassHierarchy.classViolation(name, file, "superclass " + declared + " is outside the"
                        + " firmware: a firmware class extends java/lang/Object or another firmware class (it has no"
                        + " objects to inherit from)"));
            }
        }
        if (sup != null) {
            // bounded: the chain above a class is at most Limits.MAX_SUPERCLASS_DEPTH and acyclic
            reachClass(sup);
        }
        Listing clinit = null;
        for (MethodModel m : model.methods()) {
            if (m.methodName().equalsString(CLINIT)) {
                MethodFacts facts = reachMethod(info, m);
                clinit = facts == null ? null : facts.listing();
            }
        }
        for (Violation v : fields.addClass(name, file, model, clinit)) {
            violations.add(v);
        }
        current = caller;
        return info;
    }

    /**
     * The facts of a reached method, adding it on first reach: its code is checked by
     * {@link CodeStructure} before anything else reads it; a method with structural problems is
     * reported, gets an empty listing and is not checked further. Null when the image already has
     * {@link Limits#MAX_METHODS} methods (reported once).
     */
    private MethodFacts reachMethod(ClassInfo owner, MethodModel m) {
        MethodRef ref = new MethodRef(owner.name(), m.methodName().stringValue(), m.methodType().stringValue());
        MethodFacts facts = methods.get(ref);
        if (facts == null) {
            if (methods.size() >= Limits.MAX_METHODS) {
                if (!methodLimitReported) {
                    methodLimitReported = true;
                    violations.add(new Violation(owner.file(), 0, "the image reaches more than "
                            + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_METHODS)
                            + " methods, the limit (Limits.MAX_METHODS)", ref.display(), Violation.NO_OFFSET));
                }
                return null;
            }
            String caller = current;
            current = owner.name();
            List<CodeStructure.Problem> problems = CodeStructure.check(m);
            for (CodeStructure.Problem p : problems) {
                violations.add(new Violation(owner.file(), p.offset() == Violation.NO_OFFSET ? CodeStructure.lineAt(m, 0)
                        : CodeStructure.lineAt(m, p.offset()), p.reason(), ref.display(), p.offset()));
            }
            Listing listing = problems.isEmpty() ? Listing.of(m) : Listing.empty();
            facts = new MethodFacts(ref, owner, m, listing, new LinkedHashMap<>(), new LinkedHashSet<>());
            current = caller;
            methods.put(ref, facts);
            if (problems.isEmpty()) {
                work.addLast(facts);
            }
        }
        return facts;
    }

    private void check(MethodFacts f) throws ImageException {
        current = f.owner().name();
        for (String reason : TypeRules.method(f.model())) {
            violations.add(new Violation(f.owner().file(), f.listing().firstLine(), reason, f.ref().display(),
                    Violation.NO_OFFSET));
        }
        List<Listing.Insn> code = f.listing().insns();
        for (int i = 0; i < code.size(); i++) {
            Listing.Insn at = code.get(i);
            String reason = InstructionRules.reason(code, i);
            if (reason != null) {
                report(f, at, reason);
            }
            switch (at.instruction()) {
                case InvokeInstruction x when x.opcode() == Opcode.INVOKESTATIC -> call(f, at, x);
                case FieldInstruction x when x.opcode() == Opcode.GETSTATIC || x.opcode() == Opcode.PUTSTATIC ->
                        staticField(f, at, x);
                default -> {
                    // no reference to another class
                }
            }
        }
        for (Listing.Catch c : f.listing().catches()) {
            violations.add(new Violation(f.owner().file(), c.line(), "exception handler (catch " + c.catchType()
                    + "): exceptions need objects; " + InstructionRules.PANIC_HINT, f.ref().display(), c.startOffset()));
        }
        typeCheck(f);
    }

    /**
     * Type-checks {@code f}'s code by inference ({@link TypeInference}, JVMS §4.10.2) when the rules
     * above found nothing in it (a refused instruction has no type rule, so checking it would only
     * repeat that violation). A violation caused by a declared type outside the subset is kept
     * back: the field and descriptor rules report it, and it counts only if nothing else does.
     */
    private void typeCheck(MethodFacts f) {
        String where = f.ref().display();
        if (violations.stream().anyMatch(v -> v.where().equals(where))) {
            return;
        }
        for (TypeInference.Problem p : TypeInference.check(f.model(), f.listing())) {
            Violation v = p.index() < 0
                    ? new Violation(f.owner().file(), f.listing().firstLine(), p.reason(), where, Violation.NO_OFFSET)
                    : new Violation(f.owner().file(), f.listing().insns().get(p.index()).line(), p.reason(), where,
                            f.listing().insns().get(p.index()).offset());
            (p.backup() ? typeBackups : violations).add(v);
        }
    }

    private void call(MethodFacts f, Listing.Insn at, InvokeInstruction x) throws ImageException {
        var r = members.call(x.owner().asInternalName(), x.name().stringValue(), x.type().stringValue());
        if (r.reason() != null) {
            report(f, at, r.reason());
        }
        if (r.found()) {
            ClassInfo decl = reachClass(r.declaring());
            f.classRefs().add(decl.name());
            MethodFacts callee = reachMethod(decl, r.member());
            if (callee != null) {
                f.callees().putIfAbsent(callee.ref(), at);
            }
        }
    }

    private void staticField(MethodFacts f, Listing.Insn at, FieldInstruction x) throws ImageException {
        var r = members.field(InstructionRules.mnemonic(x.opcode()), x.owner().asInternalName(), x.name().stringValue(),
                x.type().stringValue());
        if (r.reason() != null) {
            report(f, at, r.reason());
        }
        if (r.found()) {
            ClassInfo decl = reachClass(r.declaring());
            f.classRefs().add(decl.name());
            String field = r.member().fieldName().stringValue();
            fields.used(decl.name(), field, new Violation(f.owner().file(), at.line(), "", f.ref().display(), at.offset()));
            boolean inOwnClinit = f.ref().owner().equals(decl.name()) && f.ref().name().equals(CLINIT);
            if (x.opcode() == Opcode.PUTSTATIC && !inOwnClinit && fields.isProgmem(decl.name(), field)) {
                report(f, at, PROGMEM_WRITE + " (" + MethodRef.simpleName(decl.name()) + "." + field + ")");
            }
        }
    }

    private void report(MethodFacts f, Listing.Insn at, String reason) {
        violations.add(new Violation(f.owner().file(), at.line(), reason, f.ref().display(), at.offset()));
    }

    /** Each reached class's references for {@link InitOrder}: superclass, then first-use order. */
    private Map<String, SequencedSet<String>> classRefs() {
        Map<String, SequencedSet<String>> refs = new LinkedHashMap<>();
        for (ClassInfo c : classes.values()) {
            SequencedSet<String> out = new LinkedHashSet<>();
            if (c.superclass() != null) {
                out.add(c.superclass());
            }
            for (MethodModel m : c.model().methods()) {
                MethodFacts facts = methods.get(
                        new MethodRef(c.name(), m.methodName().stringValue(), m.methodType().stringValue()));
                if (facts != null) {
                    out.addAll(facts.classRefs());
                }
            }
            out.remove(c.name());
            refs.put(c.name(), out);
        }
        return refs;
    }
}
