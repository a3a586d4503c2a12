package dev.tinyj.emulator.calibrate;

import dev.tinyj.boards.CodeSizeModel;
import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.verify.MethodRef;
import java.lang.classfile.ClassModel;
import java.lang.classfile.MethodModel;
import java.lang.classfile.attribute.CodeAttribute;
import java.lang.classfile.instruction.InvokeInstruction;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java code behind one kernel: its entry method and every firmware method it calls, directly
 * or not (HAL and intrinsic calls excluded), with their bytecode bytes. This is the code the C
 * compiler folds into one function at -O2 ({@code finish} and the {@code qmath.h} helpers are
 * inlined there), so it is what the kernel function's measured bytes are compared with.
 *
 * @param parts each method (entry first, then callees depth-first in call order) with its
 *     bytecode length
 */
public record KernelCode(List<Part> parts) {

    /** One method and its bytecode bytes (the Code attribute's code_length, JVMS §4.7.3). */
    public record Part(MethodRef method, int bytecodeBytes) {
    }

    public KernelCode {
        parts = List.copyOf(parts);
    }

    /** The code of {@code entry} and its callees in a verified image. */
    public static KernelCode of(Firmware.Verified image, MethodRef entry) {
        Set<MethodRef> seen = new LinkedHashSet<>();
        List<Part> parts = new ArrayList<>();
        walk(image.image(), entry, seen, parts);
        return new KernelCode(parts);
    }

    /** The code of benchmark {@code b}'s kernel in {@code firmware}. */
    public static KernelCode of(CalibFirmware firmware, Benchmark b) {
        return of(firmware.verified(b.int32()),
                new MethodRef(b.owner(), b.kernel(), CalibFirmware.descriptor(b.int32(), b.kernel())));
    }

    private static void walk(FirmwareImage image, MethodRef m, Set<MethodRef> seen, List<Part> parts) {
        if (!seen.add(m)) {
            return;
        }
        MethodModel mm = method(image, m);
        CodeAttribute code = (CodeAttribute) mm.code().orElseThrow();
        parts.add(new Part(m, code.codeLength()));
        for (var e : code) {
            if (e instanceof InvokeInstruction call && !FirmwareImage.isOutsideImage(call.owner().asInternalName())) {
                walk(image, new MethodRef(call.owner().asInternalName(), call.name().stringValue(),
                        call.type().stringValue()), seen, parts);
            }
        }
    }

    private static MethodModel method(FirmwareImage image, MethodRef m) {
        try {
            ClassModel cls = image.classModel(m.owner()).orElseThrow(() -> new IllegalStateException(
                    "class " + m.owner() + " is not in the calibration image"));
            return cls.methods().stream()
                    .filter(x -> x.methodName().equalsString(m.name()) && x.methodType().equalsString(m.descriptor()))
                    .findFirst().orElseThrow(() -> new IllegalStateException("no method " + m.display()));
        } catch (ImageException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** Σ bytecode bytes. */
    public int bytecodeBytes() {
        return parts.stream().mapToInt(Part::bytecodeBytes).sum();
    }

    /** Number of methods. */
    public int methods() {
        return parts.size();
    }

    /** Flash bytes the code-size model gives these methods (as the linker sums them). */
    public long modelBytes(CodeSizeModel model) {
        return parts.stream().mapToLong(p -> model.methodBytes(p.bytecodeBytes())).sum();
    }
}
