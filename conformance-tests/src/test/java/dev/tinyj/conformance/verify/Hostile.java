package dev.tinyj.conformance.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.classfile.AttributeMapper;
import java.lang.classfile.AttributedElement;
import java.lang.classfile.BufWriter;
import java.lang.classfile.ClassBuilder;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassReader;
import java.lang.classfile.CustomAttribute;
import java.lang.classfile.constantpool.ConstantPoolBuilder;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Test support for hostile class files: builds firmware classes with {@code java.lang.classfile},
 * including raw Code attributes the builder would refuse, writes them to a folder, and checks
 * that {@code tinyj verify} and {@code tinyj firmware} refuse them cleanly.
 */
final class Hostile {
    private Hostile() {
    }

    /** A class {@code name} (e.g. {@code gen.Odd}) with public static setup()V/loop()V returning at once, plus {@code more}. */
    static byte[] firmware(String name, Consumer<ClassBuilder> more) {
        return ClassFile.of().build(ClassDesc.of(name), cb -> {
            cb.withMethodBody("setup", ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC | ClassFile.ACC_STATIC,
                    c -> c.return_());
            more.accept(cb);
        });
    }

    /**
     * A raw Code attribute (JVMS §4.7.3) of {@code maxStack}, {@code maxLocals} and the code
     * {@code code} returns for the class's constant pool, with no exception table or attributes.
     */
    static CustomAttribute<?> rawCode(int maxStack, int maxLocals, Function<ConstantPoolBuilder, byte[]> code) {
        return new RawCode(maxStack, maxLocals, code);
    }

    /** Writes {@code bytes} as class {@code name} under {@code dir}. */
    static void write(Path dir, String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name.replace('.', '/') + ".class");
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The verifier's messages for {@code main} read from {@code dir}. */
    static List<String> messages(Path dir, String main) throws Exception {
        return Probes.verify(dir, main).messages();
    }

    /**
     * Runs {@code tinyj verify} and {@code tinyj firmware} (arduino-uno, small watchdog) on
     * {@code main} from {@code classpath}: both exit 2, name {@code expected} on standard error,
     * and print no host exception.
     */
    static void refusedByCli(String classpath, String main, String expected) {
        for (String[] args : List.of(new String[] {"verify", "--classpath", classpath, "--main", main},
                new String[] {"firmware", "--board", "arduino-uno", "--classpath", classpath, "--main", main,
                        "--watchdog-cycles", "1000000"})) {
            Cli.Outcome o = Cli.tinyj(args);
            String what = String.join(" ", args) + ":\n" + o.err();
            assertEquals(2, o.code(), what);
            assertTrue(o.err().contains(expected), what);
            assertFalse(o.err().contains("Exception") || o.err().contains("Error:") || o.err().contains("\tat "), what);
        }
    }

    /** A Code attribute written byte for byte, so it can break every rule. */
    private static final class RawCode extends CustomAttribute<RawCode> {
        private final int maxStack;
        private final int maxLocals;
        private final Function<ConstantPoolBuilder, byte[]> code;

        RawCode(int maxStack, int maxLocals, Function<ConstantPoolBuilder, byte[]> code) {
            super(new Mapper());
            this.maxStack = maxStack;
            this.maxLocals = maxLocals;
            this.code = code;
        }
    }

    private static final class Mapper implements AttributeMapper<RawCode> {
        @Override
        public String name() {
            return "Code";
        }

        @Override
        public RawCode readAttribute(AttributedElement enclosing, ClassReader cf, int pos) {
            throw new UnsupportedOperationException("write only");
        }

        @Override
        public void writeAttribute(BufWriter buf, RawCode attr) {
            byte[] bytes = attr.code.apply(buf.constantPool());
            buf.writeIndex(buf.constantPool().utf8Entry("Code"));
            buf.writeInt(2 + 2 + 4 + bytes.length + 2 + 2);
            buf.writeU2(attr.maxStack);
            buf.writeU2(attr.maxLocals);
            buf.writeInt(bytes.length);
            buf.writeBytes(bytes);
            buf.writeU2(0);
            buf.writeU2(0);
        }

        @Override
        public AttributeStability stability() {
            return AttributeStability.CP_REFS;
        }
    }
}
