package dev.tinyj.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The one place tests find the team's shared, read-only test data: the folder {@code shared}
 * beside the repository ({@code ../shared} from the repository root, e.g. {@code /work/shared}
 * for {@code /work/main}), holding {@code models}, {@code kernel_models}, {@code kernel_vectors}
 * and {@code calib}. The repository root is the nearest folder at or above the working directory
 * that holds both the {@code tinyj} launcher and {@code pom.xml}, so a test finds it from any
 * module.
 *
 * <p>When the folder, or a file or folder a test expects in it, is missing, the test is skipped
 * with the message {@code ../shared/<sub> is absent: <what is not checked>} (conformance-tests'
 * {@code SkipReasons} prints every such message at the end of the run). When {@value #REQUIRE_ENV}{@code =1} is in
 * the environment or the system property {@value #REQUIRE_PROPERTY} is {@code true} (as
 * {@code .ci/run} sets), the test fails instead, so a CI machine without the data cannot pass by
 * checking half of what it should.
 */
public final class SharedData {
    /** Environment variable that turns a missing {@code ../shared} from a skip into a failure. */
    public static final String REQUIRE_ENV = "TINYJ_REQUIRE_SHARED";

    /** System property (surefire passes the Maven property of that name) with the same effect. */
    public static final String REQUIRE_PROPERTY = "tinyj.requireShared";

    private static final Path CWD = Path.of("").toAbsolutePath().normalize();
    private static final Path SHARED = besideRepository(CWD);

    private SharedData() {
    }

    /**
     * {@code <shared>/<sub>} (a file or a folder), e.g. {@code require("kernel_vectors", "TFLM
     * kernel vectors not checked")}: the absolute path when it exists; otherwise skips the calling
     * test, or fails it when {@link #required()}.
     *
     * @param sub path below the shared folder, {@code /}-separated
     * @param unchecked what the test does not check without it, for the message
     */
    public static Path require(String sub, String unchecked) {
        Path p = SHARED == null ? null : SHARED.resolve(sub).normalize();
        present(p != null && Files.exists(p), "../shared/" + sub + " is absent: " + unchecked);
        return p;
    }

    /**
     * Skips the calling test with {@code message} when {@code condition} is false (something the
     * test expects in the shared data is not there), or fails it when {@link #required()}.
     */
    public static void present(boolean condition, String message) {
        if (condition) {
            return;
        }
        if (required()) {
            Assertions.fail(message + " (looked in " + where() + "); " + REQUIRE_ENV
                    + " is set (as .ci/run does), so missing shared data fails the build");
        }
        Assumptions.assumeTrue(false, message);
    }

    /**
     * {@code <shared>/<sub>} when it exists, else null: for callers that list what is there
     * without requiring it (a missing folder is then reported by {@link #require}).
     */
    public static Path resolve(String sub) {
        Path p = SHARED == null ? null : SHARED.resolve(sub).normalize();
        return p != null && Files.exists(p) ? p : null;
    }

    /** Every {@code .tflite} file under {@code dir}, sorted by path. */
    public static List<Path> tfliteFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".tflite")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether missing shared data fails the test instead of skipping it. */
    public static boolean required() {
        String env = System.getenv(REQUIRE_ENV);
        String property = System.getProperty(REQUIRE_PROPERTY, "");
        return isTrue(env) || isTrue(property);
    }

    /** The shared folder, absolute (whether or not it exists), for messages. */
    public static String where() {
        return SHARED == null ? "no repository root (a folder with tinyj and pom.xml) at or above " + CWD
                : SHARED.toString();
    }

    private static boolean isTrue(String v) {
        return v != null && switch (v.strip().toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes" -> true;
            default -> false;
        };
    }

    /** {@code <repository root>/../shared}, or null when no repository root is found. */
    private static Path besideRepository(Path from) {
        for (Path d = from; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("tinyj")) && Files.isRegularFile(d.resolve("pom.xml"))) {
                return d.getParent() == null ? null : d.getParent().resolve("shared");
            }
        }
        return null;
    }
}
