package dev.tinyj.conformance.check;

import static dev.tinyj.conformance.support.Cli.tinyj;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tinyj.conformance.support.Cli.Outcome;
import dev.tinyj.testkit.SharedData;
import dev.tinyj.emulator.run.JsonReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code tinyj check} and the budgets of {@code tinyj run}: exit codes and messages, JUnit XML
 * parsed back with the JDK's DOM parser, and the {@code --baseline} regression gate.
 */
class CheckTest {
    @TempDir
    static Path dir;
    static Path helloWorld;
    static Path sineBaseline;
    static long sineCycles;

    @BeforeAll
    static void saveBaseline() throws Exception {
        helloWorld = dir.resolve("hello_world_int8.tflite");
        try (var s = CheckTest.class.getResourceAsStream("/tflite/hello_world_int8.tflite")) {
            Files.write(helloWorld, s.readAllBytes());
        }
        sineBaseline = dir.resolve("sine-baseline.json");
        Outcome o = tinyj("run", "--format", "json", "--out", sineBaseline.toString());
        assertEquals(0, o.code(), o.err());
        sineCycles = (Long) ((Map<?, ?>) JsonReader.parse(Files.readString(sineBaseline))).get("cycles");
    }

    @Test
    void budgetsWithinPassAndExceededFailWithValueVsBudget() {
        Outcome ok = tinyj("check", "--max-cycles", "10000000", "--max-latency-ms", "1000", "--max-energy-uj",
                "100000", "--max-sram", "2048", "--max-flash", "32256");
        assertEquals(0, ok.code(), ok.toString());
        for (String name : List.of("fits-sram", "fits-flash", "max-cycles", "max-latency-ms", "max-energy-uj",
                "max-sram", "max-flash")) {
            assertTrue(ok.out().contains("PASS  " + name), name + " passes\n" + ok.out());
        }
        assertTrue(ok.out().contains("tinyj check: all 7 checks passed"), ok.out());
        assertTrue(ok.out().startsWith("tinyj run: sine_int8 on arduino-uno"), "the report comes first");

        Outcome bad = tinyj("check", "--max-cycles", "1000", "--max-sram", "100", "--max-flash", "32256");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.out().contains(String.format(java.util.Locale.ROOT,
                "FAIL  max-cycles           %,d cycles exceeds --max-cycles 1,000 cycles by", sineCycles)), bad.out());
        assertTrue(bad.out().matches("(?s).*FAIL  max-sram +SRAM [0-9,]+ B exceeds --max-sram 100 B by .*"), bad.out());
        assertTrue(bad.out().contains("PASS  max-flash"), bad.out());
        assertTrue(bad.out().contains("tinyj check: 2 of 5 checks FAILED"), bad.out());
    }

    @Test
    void runTakesTheBudgetsToo() {
        Outcome plain = tinyj("run");
        assertFalse(plain.out().contains("\nchecks\n"), "no budgets: run's report is unchanged");
        Outcome ok = tinyj("run", "--max-cycles", "10000000");
        assertEquals(0, ok.code(), ok.toString());
        assertTrue(ok.out().startsWith(plain.out()), "the checks follow run's report");
        assertTrue(ok.out().contains("PASS  max-cycles"), ok.out());
        Outcome bad = tinyj("run", "--max-latency-ms", "0.5");
        assertEquals(1, bad.code(), bad.toString());
        assertTrue(bad.err().contains("tinyj: max-latency-ms: latency "), bad.err());
        assertTrue(bad.err().contains("exceeds --max-latency-ms 0.500 ms"), bad.err());
    }

    @Test
    void badBudgetsAreUsageErrors() {
        Outcome a = tinyj("check", "--max-latency-ms", "fast");
        assertEquals(2, a.code(), a.toString());
        assertTrue(a.err().contains("--max-latency-ms expects a number, got 'fast'"), a.err());
        Outcome b = tinyj("run", "--max-sram", "-5");
        assertEquals(2, b.code(), b.toString());
        Outcome c = tinyj("check", "--tolerance", "3");
        assertEquals(2, c.code(), c.toString());
        assertTrue(c.err().contains("--tolerance needs --baseline"), c.err());
        Outcome d = tinyj("run", "--junit", dir.resolve("x.xml").toString());
        assertEquals(2, d.code(), "--junit belongs to check");
    }

    @Test
    void junitXmlIsWellFormedWithOneTestcasePerCheck() throws Exception {
        Path xml = dir.resolve("check.xml");
        Outcome o = tinyj("check", "--model", helloWorld.toString(), "--max-cycles", "10", "--max-sram", "1000000",
                "--max-flash", "1", "--baseline", helloBaseline().toString(), "--junit", xml.toString());
        assertEquals(1, o.code(), o.toString());
        Document doc = parse(Files.readAllBytes(xml));
        NodeList suites = doc.getElementsByTagName("testsuite");
        assertEquals(1, suites.getLength());
        Element suite = (Element) suites.item(0);
        assertEquals("tinyj check hello_world_int8 on arduino-uno", suite.getAttribute("name"));
        NodeList cases = suite.getElementsByTagName("testcase");
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cases.getLength(); i++) {
            names.add(((Element) cases.item(i)).getAttribute("name"));
        }
        assertEquals(List.of("fits-sram", "fits-flash", "max-cycles", "max-sram", "max-flash", "baseline-cycles",
                "baseline-energy-uj", "baseline-sram", "baseline-flash"), names);
        assertEquals("9", suite.getAttribute("tests"));
        assertEquals("2", suite.getAttribute("failures"));
        NodeList failures = suite.getElementsByTagName("failure");
        assertEquals(2, failures.getLength());
        List<String> failed = new ArrayList<>();
        for (int i = 0; i < failures.getLength(); i++) {
            Element f = (Element) failures.item(i);
            failed.add(((Element) f.getParentNode()).getAttribute("name"));
            assertFalse(f.getAttribute("message").isBlank());
        }
        assertEquals(List.of("max-cycles", "max-flash"), failed);
        String cyclesMessage = ((Element) failures.item(0)).getAttribute("message");
        assertTrue(cyclesMessage.contains("exceeds --max-cycles 10 cycles by"), cyclesMessage);
        Element out = lastChild(suite, "system-out");
        assertTrue(out.getTextContent().startsWith("tinyj run: hello_world_int8 on arduino-uno"),
                out.getTextContent());
        assertTrue(out.getTextContent().contains("FAIL  max-flash"), out.getTextContent());

        Outcome std = tinyj("check", "--model", helloWorld.toString(), "--format", "junit");
        assertEquals(0, std.code(), std.toString());
        Document d2 = parse(std.out().getBytes(StandardCharsets.UTF_8));
        assertEquals(2, d2.getElementsByTagName("testcase").getLength());
        assertEquals(0, d2.getElementsByTagName("failure").getLength());
    }

    @Test
    void jsonReportCarriesTheChecks() throws Exception {
        Outcome o = tinyj("check", "--format", "json", "--max-cycles", "1", "--max-sram", "4096");
        assertEquals(1, o.code(), o.toString());
        Map<?, ?> root = (Map<?, ?>) JsonReader.parse(o.out());
        List<?> checks = (List<?>) root.get("checks");
        assertEquals(4, checks.size());
        Map<?, ?> cycles = (Map<?, ?>) checks.get(2);
        assertEquals("max-cycles", cycles.get("name"));
        assertEquals("fail", cycles.get("status"));
        assertEquals(sineCycles, cycles.get("value"));
        assertEquals(1L, cycles.get("limit"));
        assertEquals("cycles", cycles.get("unit"));
        assertEquals("pass", ((Map<?, ?>) checks.get(3)).get("status"));
        assertEquals(1L, ((Map<?, ?>) root.get("verdict")).get("exit_code"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) root.get("verdict")).get("fits"));
        assertTrue(o.err().contains("tinyj: max-cycles: "), "json on stdout: failures on stderr\n" + o.err());
    }

    @Test
    void sameRunAgainstItsBaselinePasses() {
        Outcome o = tinyj("check", "--baseline", sineBaseline.toString());
        assertEquals(0, o.code(), o.toString());
        for (String m : List.of("baseline-cycles", "baseline-energy-uj", "baseline-sram", "baseline-flash")) {
            assertTrue(o.out().matches("(?s).*PASS  " + m + " +.*: unchanged\n.*"), m + "\n" + o.out());
        }
    }

    @Test
    void growthBeyondTheToleranceIsARegression() throws Exception {
        long base = Math.round(sineCycles / 1.05); // the run is ~5% slower than this baseline
        Path edited = edited(sineBaseline, "cycles", base);
        Outcome o = tinyj("check", "--baseline", edited.toString());
        assertEquals(1, o.code(), o.toString());
        double growth = 100.0 * (sineCycles - base) / base;
        String pct = String.format(java.util.Locale.ROOT, "+%.2f%%", growth);
        assertTrue(o.out().contains("FAIL  baseline-cycles"), o.out());
        assertTrue(o.out().contains(pct + " regression (beyond tolerance 2.0%)"), pct + "\n" + o.out());
        assertTrue(o.out().contains("PASS  baseline-sram"), o.out());

        Outcome within = tinyj("check", "--baseline", edited.toString(), "--tolerance", "6");
        assertEquals(0, within.code(), within.toString());
        assertTrue(within.out().contains(pct + " (within tolerance 6.0%)"), within.out());
        Outcome tight = tinyj("check", "--baseline", edited.toString(), "--tolerance", "4.5");
        assertEquals(1, tight.code(), tight.toString());
    }

    @Test
    void improvementsPassAndAreReported() throws Exception {
        Path edited = edited(edited(sineBaseline, "cycles", sineCycles * 2), "total", 100_000);
        Outcome o = tinyj("check", "--baseline", edited.toString());
        assertEquals(0, o.code(), o.toString());
        assertTrue(o.out().matches("(?s).*PASS  baseline-cycles .*: -50\\.00% \\(improved\\)\n.*"), o.out());
        assertTrue(o.out().matches("(?s).*PASS  baseline-sram .*vs baseline 100,000 B: -\\d+\\.\\d\\d% \\(improved\\).*"),
                o.out());
    }

    @Test
    void aBaselineForAnotherModelOrBoardIsAUsageError() throws Exception {
        Outcome model = tinyj("check", "--baseline", helloBaseline().toString());
        assertEquals(2, model.code(), model.toString());
        assertTrue(model.err().contains("is a report of model 'hello_world_int8' on board 'arduino-uno', but this"
                + " check runs model 'sine_int8' on board 'arduino-uno'"), model.err());
        Outcome board = tinyj("check", "--board", "nucleo-l4r5zi", "--baseline", sineBaseline.toString());
        assertEquals(2, board.code(), board.toString());
        assertTrue(board.err().contains("on board 'nucleo-l4r5zi'"), board.err());
        assertEquals("", board.out(), "nothing ran");
    }

    @Test
    void aMalformedBaselineIsAUsageErrorWithAMessage() throws Exception {
        String good = Files.readString(sineBaseline);
        Path truncated = write("truncated.json", good.substring(0, good.length() / 2));
        Outcome a = tinyj("check", "--baseline", truncated.toString());
        assertEquals(2, a.code(), a.toString());
        assertTrue(a.err().contains("--baseline " + truncated + ": not valid JSON at line "), a.err());

        Path noCycles = write("nocycles.json", good.replaceFirst("(?m)^  \"cycles\": \\d+,\n", ""));
        Outcome b = tinyj("check", "--baseline", noCycles.toString());
        assertEquals(2, b.code(), b.toString());
        assertTrue(b.err().contains("key \"cycles\" is missing"), b.err());

        Path text = dir.resolve("text-report.txt");
        assertEquals(0, tinyj("run", "--out", text.toString()).code());
        Outcome c = tinyj("check", "--baseline", text.toString());
        assertEquals(2, c.code(), c.toString());
        assertTrue(c.err().contains("not valid JSON at line 1, column 1"), c.err());

        Path wrongType = write("wrongtype.json", good.replaceFirst("(?m)^  \"cycles\": \\d+,", "  \"cycles\": \"fast\","));
        Outcome d = tinyj("check", "--baseline", wrongType.toString());
        assertEquals(2, d.code(), d.toString());
        assertTrue(d.err().contains("key \"cycles\" is the string \"fast\", expected a whole number"), d.err());

        Outcome e = tinyj("check", "--baseline", dir.resolve("absent.json").toString());
        assertEquals(2, e.code(), e.toString());
    }

    @Test
    void aModelThatDoesNotFitFailsTheCeilingAndSkipsTheRest() throws Exception {
        Path kws = SharedData.require("models/kws_ref_model.tflite", "a model that does not fit not checked");
        Path xml = dir.resolve("nofit.xml");
        Outcome o = tinyj("check", "--model", kws.toString(), "--max-cycles", "1", "--junit", xml.toString());
        assertEquals(1, o.code(), o.toString());
        assertTrue(o.out().contains("FAIL  fits-sram"), o.out());
        assertTrue(o.out().contains("SKIP  max-cycles"), o.out());
        Document doc = parse(Files.readAllBytes(xml));
        assertEquals(3, doc.getElementsByTagName("testcase").getLength());
        assertEquals(1, doc.getElementsByTagName("skipped").getLength());
    }

    // --- helpers

    private static Path helloBaseline() throws Exception {
        Path p = dir.resolve("hello-baseline.json");
        if (!Files.exists(p)) {
            Outcome o = tinyj("run", "--model", helloWorld.toString(), "--format", "json", "--out", p.toString());
            assertEquals(0, o.code(), o.err());
        }
        return p;
    }

    /** A copy of a JSON report with every {@code "key": <integer>} set to {@code value}. */
    private static Path edited(Path report, String key, long value) throws Exception {
        String json = Files.readString(report);
        Matcher m = Pattern.compile("\"" + key + "\": \\d+").matcher(json);
        assertTrue(m.find(), key);
        String out = m.replaceAll("\"" + key + "\": " + value);
        return write(key + value + "-" + report.getFileName(), out);
    }

    private static Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    private static Element lastChild(Element parent, String tag) {
        Element last = null;
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) {
                last = e;
            }
        }
        assertTrue(last != null, "no <" + tag + "> in <" + parent.getTagName() + ">");
        return last;
    }
}
