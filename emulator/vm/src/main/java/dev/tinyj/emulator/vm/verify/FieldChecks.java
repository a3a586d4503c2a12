package dev.tinyj.emulator.vm.verify;

import java.lang.classfile.Attributes;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassModel;
import java.lang.classfile.FieldModel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The field-level rules of the reached classes: static field types ({@link TypeRules}) and
 * {@code @Progmem} tables ({@link ProgmemScanner}).
 *
 * <p>A field-level violation is placed at the field's first use by reachable code (least file,
 * line, offset); when no reachable code uses the field, at line 0 with {@code field Owner.name}
 * and no offset. A static final field with a ConstantValue attribute (JVMS §4.7.2) is a javac
 * compile-time constant: it is checked only if reachable code reads it. An initialiser
 * {@code putstatic} that is not the constant pattern is reported at that instruction.
 */
final class FieldChecks {
    private record Issue(String owner, String file, String field, boolean constant, List<String> reasons) {
    }

    private final Map<String, Issue> issues = new LinkedHashMap<>();
    private final Map<String, Violation> firstUse = new LinkedHashMap<>();
    private final Set<String> progmem = new HashSet<>();
    private final List<ProgmemTable> tables = new ArrayList<>();
    /** Data bytes of the tables matched so far, against {@link Limits#MAX_PROGMEM_BYTES}. */
    private long progmemBytes;

    /**
     * Checks the static fields of a newly reached class; returns the violations found at
     * instructions of its {@code <clinit>} ({@code clinit} null when it has none).
     */
    List<Violation> addClass(String owner, String file, ClassModel model, Listing clinit) {
        List<Violation> now = new ArrayList<>();
        for (FieldModel f : model.fields()) {
            String name = f.fieldName().stringValue();
            String desc = f.fieldType().stringValue();
            boolean isStatic = (f.flags().flagsMask() & ClassFile.ACC_STATIC) != 0;
            boolean table = ProgmemScanner.isProgmem(f);
            if (!isStatic && !table) {
                continue;
            }
            List<String> reasons = new ArrayList<>();
            String typeProblem = isStatic ? TypeRules.fieldType(MethodRef.simpleName(owner) + "." + name, desc) : null;
            if (typeProblem != null) {
                reasons.add(typeProblem);
            }
            if (table) {
                progmem.add(key(owner, name));
                String shape = ProgmemScanner.shapeProblem(f);
                if (shape != null) {
                    reasons.add(shape);
                } else if (!scanInitialiser(owner, file, name, desc, clinit, now)) {
                    reasons.add(ProgmemScanner.CONSTANTS + " (" + name + " is never assigned in <clinit>)");
                }
            }
            if (!reasons.isEmpty()) {
                boolean constant = f.findAttribute(Attributes.constantValue()).isPresent();
                issues.put(key(owner, name), new Issue(owner, file, name, constant, reasons));
            }
        }
        return now;
    }

    /** Finds the table's initialiser; reports other stores; false when {@code <clinit>} never stores. */
    private boolean scanInitialiser(String owner, String file, String name, String desc, Listing clinit,
            List<Violation> now) {
        if (clinit == null) {
            return false;
        }
        boolean stored = false;
        boolean matched = false;
        List<Listing.Insn> code = clinit.insns();
        for (int i = 0; i < code.size(); i++) {
            if (!ProgmemScanner.isPutstaticOf(code.get(i).instruction(), owner, name)) {
                continue;
            }
            stored = true;
            long bytes = ProgmemScanner.declaredLength(code, i) * ProgmemScanner.elementBytes(desc);
            if (!matched && progmemBytes + bytes > Limits.MAX_PROGMEM_BYTES) {
                Listing.Insn at = code.get(i);
                now.add(new Violation(file, at.line(), "@Progmem table " + name + " needs " + String.format(
                        java.util.Locale.ROOT, "%,d", bytes) + " bytes of flash: all tables together may take at most "
                        + String.format(java.util.Locale.ROOT, "%,d", Limits.MAX_PROGMEM_BYTES) + " bytes"
                        + " (Limits.MAX_PROGMEM_BYTES, twice the largest board flash)",
                        MethodRef.simpleName(owner) + ".<clinit>()V", at.offset()));
                matched = true;
                continue;
            }
            Optional<ProgmemTable> t = matched ? Optional.empty() : ProgmemScanner.match(code, i, owner, name, desc);
            if (t.isPresent()) {
                progmemBytes += t.get().dataBytes();
            }
            if (t.isPresent()) {
                tables.add(t.get());
                matched = true;
            } else {
                Listing.Insn at = code.get(i);
                now.add(new Violation(file, at.line(), ProgmemScanner.CONSTANTS + " (" + name + ")",
                        MethodRef.simpleName(owner) + ".<clinit>()V", at.offset()));
            }
        }
        return stored;
    }

    /** Records a use of {@code owner.field} by reachable code at {@code site} (reason unused). */
    void used(String owner, String field, Violation site) {
        firstUse.merge(key(owner, field), site, (a, b) -> a.compareTo(b) <= 0 ? a : b);
    }

    /** Whether {@code owner.field} is a {@code @Progmem} field. */
    boolean isProgmem(String owner, String field) {
        return progmem.contains(key(owner, field));
    }

    /** The field-level violations, placed as the class comment says. */
    List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        for (Map.Entry<String, Issue> e : issues.entrySet()) {
            Issue issue = e.getValue();
            Violation use = firstUse.get(e.getKey());
            if (issue.constant() && use == null) {
                continue;
            }
            for (String reason : issue.reasons()) {
                out.add(use != null
                        ? new Violation(use.file(), use.line(), reason, use.where(), use.offset())
                        : new Violation(issue.file(), 0, reason,
                                "field " + MethodRef.simpleName(issue.owner()) + "." + issue.field(),
                                Violation.NO_OFFSET));
            }
        }
        return out;
    }

    /** The tables found, in class reach order. */
    List<ProgmemTable> tables() {
        return List.copyOf(tables);
    }

    private static String key(String owner, String field) {
        return owner + "." + field;
    }
}
