package dev.tinyj.emulator.vm;

import dev.tinyj.boards.Board;
import dev.tinyj.emulator.vm.decode.Linker;
import dev.tinyj.emulator.vm.decode.Program;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.FirmwareImage;
import dev.tinyj.emulator.vm.load.ImageException;
import dev.tinyj.emulator.vm.verify.SubsetVerifier;
import dev.tinyj.emulator.vm.verify.VerifiedProgram;

/**
 * The front half of the VM target in one call: load a firmware image from a classpath, check it
 * against the subset, and link it for a board.
 */
public final class Firmware {
    private Firmware() {
    }

    /**
     * Loads and verifies {@code mainClass} from {@code classPath}.
     *
     * @throws ImageException when a class is missing or malformed, or setup/loop are missing
     * @throws SubsetException listing every subset violation
     */
    public static Verified verify(ClassPath classPath, String mainClass) throws ImageException, SubsetException {
        return verify(classPath, mainClass, java.util.Set.of());
    }

    /**
     * Loads and verifies {@code mainClass}, with extra entry points: static methods of the main
     * class, by name, that {@link dev.tinyj.emulator.vm.exec.Machine#call} may call (tests,
     * benchmarks). They count as reachable code.
     *
     * @throws ImageException when a class is missing or malformed, or setup/loop are missing
     * @throws SubsetException listing every subset violation
     */
    public static Verified verify(ClassPath classPath, String mainClass, java.util.Set<String> entryPoints)
            throws ImageException, SubsetException {
        FirmwareImage image = FirmwareImage.load(classPath, mainClass);
        VerifiedProgram vp = SubsetVerifier.verify(image, entryPoints);
        if (!vp.ok()) {
            throw new SubsetException(vp.messages());
        }
        return new Verified(image, vp);
    }

    /**
     * Loads, verifies and links {@code mainClass} for {@code board}.
     *
     * @throws ImageException when a class is missing or malformed, or setup/loop are missing
     * @throws SubsetException listing every subset violation
     */
    public static Program build(ClassPath classPath, String mainClass, Board board)
            throws ImageException, SubsetException {
        return verify(classPath, mainClass).link(board);
    }

    /** {@link #build(ClassPath, String, Board)} with extra entry points (see {@link #verify(ClassPath, String, java.util.Set)}). */
    public static Program build(ClassPath classPath, String mainClass, Board board, java.util.Set<String> entryPoints)
            throws ImageException, SubsetException {
        return verify(classPath, mainClass, entryPoints).link(board);
    }

    /**
     * A loaded image that passed the verifier.
     *
     * @param image the image
     * @param program the verifier's result (reachable methods, init order, @Progmem tables)
     */
    public record Verified(FirmwareImage image, VerifiedProgram program) {
        /** Links the image for {@code board}. */
        public Program link(Board board) throws ImageException {
            return Linker.link(image, program, board);
        }
    }
}
