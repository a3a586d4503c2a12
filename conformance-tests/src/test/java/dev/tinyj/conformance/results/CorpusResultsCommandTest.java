package dev.tinyj.conformance.results;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import dev.tinyj.emulator.toolchain.graph.DType;
import dev.tinyj.emulator.toolchain.graph.Quantization;
import dev.tinyj.emulator.toolchain.prepare.OpOptions;
import dev.tinyj.emulator.toolchain.tflite.TfliteSpec;
import dev.tinyj.emulator.toolchain.tflite.TfliteWriter;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tinyj results --corpus} in-process on a small corpus built in a temporary folder, laid out
 * as {@code ../shared/models/corpus} is: two copies of hello_world_int8 (one with TFLM's golden
 * outputs, one with a golden output altered so it must be reported as differing), a model TinyJ
 * refuses (SKIP_GRAM, an operator TFLM has no kernel for either) that TFLM is said to run, and the
 * same model marked as refused by TFLM.
 */
class CorpusResultsCommandTest {
    /**
     * hello_world_int8's golden cases 2 and 3 as TFLM wrote them
     * ({@code ../shared/models/golden/hello_world_int8/case{2,3}.{input,output}.bin}: one int8 each).
     */
    private static final byte[][] HELLO_CASES = {{0x07}, {(byte) 0xf0}, {(byte) 0xd3}, {0x70}};

    private static final String HEADER = "name,file,source,tflm_status,arena_i386,notes,repo,arena_head_i386\n";

    /** The fake corpus: alpha (identical), beta (a golden output altered), gamma (refused), delta (TFLM refuses). */
    static Path corpus(Path dir) throws Exception {
        Path corpus = dir.resolve("corpus");
        Path models = Files.createDirectories(corpus.resolve("models"));
        Path golden = Files.createDirectories(corpus.resolve("golden"));
        byte[] hello;
        try (InputStream in = CorpusResultsCommandTest.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            hello = in.readAllBytes();
        }
        Files.write(models.resolve("alpha.tflite"), hello);
        Files.write(models.resolve("beta.tflite"), hello);
        Files.write(models.resolve("gamma.tflite"), skipGram());
        Files.write(models.resolve("delta.tflite"), skipGram());
        for (String m : List.of("alpha", "beta")) {
            Files.write(golden.resolve(m + ".case2.input.bin"), HELLO_CASES[0]);
            Files.write(golden.resolve(m + ".case2.output.bin"), HELLO_CASES[1]);
            Files.write(golden.resolve(m + ".case3.input.bin"), HELLO_CASES[2]);
            Files.write(golden.resolve(m + ".case3.output.bin"), HELLO_CASES[3]);
        }
        Files.write(golden.resolve("beta.case3.output.bin"), new byte[] {0x71});
        Files.writeString(corpus.resolve("index.csv"), HEADER
                + "alpha,models/alpha.tflite,ARM-software/ML-examples@9dfabefdc279:a.tflite,ok,716,\"sine, int8\","
                + "ARM-software/ML-examples,32\n"
                + "beta,models/beta.tflite,tensorflow/tflite-micro@90b983c2b3f1:b.tflite,ok,716,,"
                + "tensorflow/tflite-micro,32\n"
                + "gamma,models/gamma.tflite,SiliconLabs/mltk@5e3d8ce2bb30:g.tflite,ok,100,,SiliconLabs/mltk,64\n"
                + "delta,models/delta.tflite,mit-han-lab/mcunet@8326da697b90:d.tflite,"
                + "allocate_failed: Didn't find op for builtin opcode 'SKIP_GRAM',,,mit-han-lab/mcunet,\n");
        return corpus;
    }

    /** int8[1,4] → SKIP_GRAM → int8[1,4]: an operator neither TFLM nor TinyJ has a kernel for. */
    private static byte[] skipGram() {
        Quantization q = Quantization.perTensor(0.1f, 0);
        return TfliteWriter.write(new TfliteSpec("skip", "main", List.of(
                new TfliteSpec.Tensor("in", DType.INT8, new int[] {1, 4}, null, q),
                new TfliteSpec.Tensor("out", DType.INT8, new int[] {1, 4}, null, q)),
                List.of(new TfliteSpec.Operator("SKIP_GRAM", new int[] {0}, new int[] {1}, OpOptions.none())),
                new int[] {0}, new int[] {1}));
    }

    @Test
    void writesTheCorpusPageAndReplacesOnlyTheCorpusSection(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir);
        Path out = dir.resolve("docs/corpus.md");
        Path readme = dir.resolve("README.md");
        String before = "# Title\n\n<!-- results:begin -->\nresults table\n<!-- results:end -->\n\n"
                + "<!-- corpus:begin -->\nold corpus table\n<!-- corpus:end -->\n\n## After\n";
        Files.writeString(readme, before);
        String[] args = {"results", "--corpus", corpus.toString(), "--out", out.toString(), "--readme",
            readme.toString()};
        Outcome o = tinyj(args);
        assertEquals(0, o.code(), o.err());
        assertTrue(o.err().contains("results: [1/4] alpha") && o.err().contains("results: [4/4] delta"), o.err());
        assertTrue(o.err().contains("host golden cases") && o.err().contains("case2, case3 identical"), o.err());

        String md = Files.readString(out);
        assertTrue(md.startsWith("# Corpus results: 4 real microcontroller models on every board\n"), md);
        assertTrue(md.contains("Generated by `./tinyj results --corpus " + corpus), md);
        assertTrue(md.contains("**1 of the 3 corpus models TFLM runs run in TinyJ, byte-identical with TFLM on their "
                + "golden cases** (`CorpusGoldenTest`"), md);
        assertTrue(md.contains("**Outputs differ from TFLM's** for beta."), md);
        assertTrue(md.contains(" 1 is not supported yet. TFLM refuses 1; TinyJ refuses it too."), md);
        assertTrue(md.contains("these fit and ran in the emulator: 2 on arduino-uno, 2 on arduino-nano-33-ble, "
                + "2 on nucleo-l4r5zi."), md);
        // the models table: source, TFLM's verdict, TinyJ's, the golden cases on the host, arenas
        assertTrue(md.contains("| alpha | ARM-software/ML-examples | runs | runs | case2, case3 identical | 32 | 32 "
                + "| 100% |"), md);
        assertTrue(md.contains("| beta | tensorflow/tflite-micro | runs | runs | case2 identical; **case3: 1 of 1 "
                + "output bytes differ** | 32 | 32 | 100% |"), md);
        assertTrue(md.contains("| gamma | SiliconLabs/mltk | runs | unsupported: operator 0 (SKIP_GRAM): unsupported "
                + "operator | - | - | 64 | - |"), md);
        assertTrue(md.contains("| delta | mit-han-lab/mcunet | refuses: allocate_failed: Didn't find op for builtin "
                + "opcode 'SKIP_GRAM' | unsupported: operator 0 (SKIP_GRAM)"), md);
        // a table per board, with the models TinyJ runs: run on case2's input, output compared with TFLM's
        for (String board : List.of("arduino-uno", "arduino-nano-33-ble", "nucleo-l4r5zi")) {
            assertTrue(md.contains("\n## " + board + "\n"), md);
        }
        assertTrue(md.matches("(?s).*\\| alpha \\| ok, output = TFLM's \\| [0-9,]+ \\| [0-9.,]+ \\| [0-9.,]+ "
                + "\\| [0-9,]+ / 2,048 \\| [0-9,]+ / 32,256 \\| 32 \\| 32 \\| 716 \\|.*"), md);
        assertTrue(md.matches("(?s).*\\| beta \\| ok, output = TFLM's \\| [0-9,]+ \\| [0-9.,]+ \\| [0-9.,]+ "
                + "\\| [0-9,]+ / 655,360 \\| .*"), "case2 ran in the emulator and matched: " + md);
        assertEquals(3, count(md, "| model | result | cycles | ms | µJ | SRAM peak / capacity, B"), md);
        assertEquals(1 + 3, count(md, "\n| alpha |"), "in the models table and each board's: " + md);
        assertEquals(1, count(md, "\n| gamma |"), "refused: in the models table only: " + md);

        String once = Files.readString(readme);
        assertTrue(once.startsWith("# Title\n\n<!-- results:begin -->\nresults table\n<!-- results:end -->\n\n"
                + "<!-- corpus:begin -->\n## Results on the corpus"), once);
        assertTrue(once.endsWith("<!-- corpus:end -->\n\n## After\n"), once);
        assertFalse(once.contains("old corpus table"), once);
        String section = once.substring(once.indexOf("<!-- corpus:begin -->"), once.indexOf("<!-- corpus:end -->"));
        assertTrue(section.contains("**1 of the 3 corpus models TFLM runs run in TinyJ"), section);
        assertTrue(section.contains("(docs/corpus.md)"), "links the page: " + section);
        assertTrue(section.contains("| model | arduino-uno | arduino-nano-33-ble | nucleo-l4r5zi |"), section);
        assertTrue(section.matches("(?s).*\\| alpha \\| [0-9.,]+ ms, [0-9.,]+ µJ \\| [0-9.,]+ ms, [0-9.,]+ µJ "
                + "\\| [0-9.,]+ ms, [0-9.,]+ µJ \\|.*"), section);
        assertFalse(section.contains("| gamma |"), "the table holds the models TinyJ runs: " + section);
        assertTrue(section.contains("- gamma: operator 0 (SKIP_GRAM): unsupported operator\n"), section);
        assertTrue(section.contains("- delta (TFLM refuses it too): operator 0 (SKIP_GRAM): unsupported operator\n"),
                section);

        assertEquals(0, tinyj(args).code());
        assertEquals(once, Files.readString(readme), "running twice gives the same file");
    }

    @Test
    void aMissingModelFileIsBadInputBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir);
        Files.delete(corpus.resolve("models/beta.tflite"));
        Files.delete(corpus.resolve("golden/alpha.case3.output.bin"));
        Path out = dir.resolve("corpus.md");
        Outcome o = tinyj("results", "--corpus", corpus.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("index.csv row 2: model file " + corpus.resolve("models/beta.tflite")
                + " not found"), o.err());
        assertTrue(o.err().contains("golden case " + corpus.resolve("golden/alpha.case3.input.bin")
                + " has no output file alpha.case3.output.bin"), o.err());
        assertFalse(o.err().contains("[1/4]"), "nothing ran: " + o.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aMissingFolderOrIndexIsBadInput(@TempDir Path dir) throws Exception {
        Path missing = dir.resolve("no-such-corpus");
        Outcome o = tinyj("results", "--corpus", missing.toString(), "--out", dir.resolve("c.md").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("corpus folder " + missing + " not found"), o.err());

        Path empty = Files.createDirectories(dir.resolve("empty"));
        o = tinyj("results", "--corpus", empty.toString(), "--out", dir.resolve("c.md").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("corpus folder " + empty + " has no index.csv"), o.err());

        Files.writeString(empty.resolve("index.csv"), "name,path\nx,models/x.tflite\n");
        o = tinyj("results", "--corpus", empty.toString(), "--out", dir.resolve("c.md").toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("no column file, tflm_status (columns: name, path)"), o.err());
        assertFalse(Files.exists(dir.resolve("c.md")));
    }

    @Test
    void readmeWithoutCorpusMarkersAndModelsWithCorpusAreBadInput(@TempDir Path dir) throws Exception {
        Path corpus = corpus(dir);
        String text = "# only results markers\n<!-- results:begin -->\n<!-- results:end -->\n";
        Path readme = Files.writeString(dir.resolve("README.md"), text);
        Outcome o = tinyj("results", "--corpus", corpus.toString(), "--out", dir.resolve("c.md").toString(),
                "--readme", readme.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("<!-- corpus:begin -->"), o.err());
        assertEquals(text, Files.readString(readme));

        o = tinyj("results", "--corpus", corpus.toString(), "--models", dir.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("give --models DIR or --corpus DIR, not both"), o.err());
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
