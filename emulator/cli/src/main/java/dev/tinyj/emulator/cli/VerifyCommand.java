package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.vm.Firmware;
import dev.tinyj.emulator.vm.SubsetException;
import dev.tinyj.emulator.vm.load.ClassPath;
import dev.tinyj.emulator.vm.load.ImageException;
import java.io.PrintStream;
import java.util.Set;

/** {@code tinyj verify}: checks firmware against the restricted subset; exit 2 listing every violation. */
final class VerifyCommand extends Command {
    private static final String HELP = """
            usage: tinyj verify --classpath CP --main CLASS

            Loads CLASS (with public static void setup() and loop()) and every class it reaches from
            CP (class folders and jars, separated by ':'), follows the static call graph from setup(),
            loop() and every <clinit>, and checks TinyJ's restricted Java subset. Every violation is
            listed, one per line, in javac's form:
              probe/Multi.java:12: error: <reason> (Multi.loop()V, bytecode 17)

              --classpath CP   class folders or jars with the firmware (compiled with -g for line numbers)
              --main CLASS     the firmware class, e.g. demo.Blink

            exit codes: 0 inside the subset, 2 violations or bad input
            """;

    VerifyCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    String name() {
        return "verify";
    }

    @Override
    String help() {
        return HELP;
    }

    @Override
    Set<String> valueFlags() {
        return Set.of("classpath", "main");
    }

    @Override
    int execute(Args a) throws UsageException {
        String cp = a.require("verify", "classpath");
        String main = a.require("verify", "main");
        try (ClassPath classPath = ClassPath.parse(cp)) {
            var v = Firmware.verify(classPath, main);
            out.println("tinyj: " + main + ": inside the subset (" + v.program().reachableMethods().size()
                    + " reachable methods, " + v.program().initOrder().size() + " class initialisers, call depth "
                    + v.program().maxCallDepth() + ")");
            return 0;
        } catch (ImageException e) {
            err.println("tinyj: " + e.getMessage());
            return 2;
        } catch (SubsetException e) {
            e.violations().forEach(err::println);
            err.println(e.getMessage());
            return 2;
        }
    }
}
