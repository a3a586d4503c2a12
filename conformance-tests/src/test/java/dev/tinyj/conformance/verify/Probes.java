package dev.tinyj.conformance.verify;

import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.verify.SubsetVerifier;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Loads probe firmware compiled as test sources and verifies it. */
final class Probes {
    private Probes() {
    }

    /** The folder the test classes (and so the probes) were compiled into. */
    static Path testClasses() {
        try {
            return Path.of(Probes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies the probe whose main class is {@code main}. */
    static VerifiedProgram verify(Class<?> main) throws ImageException {
        return verify(testClasses(), main.getName());
    }

    /** Verifies main class {@code main} read from {@code folder}. */
    static VerifiedProgram verify(Path folder, String main) throws ImageException {
        try (ClassPath cp = ClassPath.of(List.of(folder))) {
            return SubsetVerifier.verify(FirmwareImage.load(cp, main));
        }
    }
}
