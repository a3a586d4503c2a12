package dev.tinyj.emulator.cli;

import dev.tinyj.emulator.toolchain.report.Json;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** The checks rendered: PASS/FAIL lines, a {@code checks} array in the JSON report, and JUnit XML. */
final class CheckReport {
    private CheckReport() {
    }

    /** One line per check and a summary line. */
    static String text(String command, List<Check> checks) {
        StringBuilder sb = new StringBuilder("\nchecks\n");
        int failed = 0;
        int skipped = 0;
        for (Check c : checks) {
            String tag = switch (c.status()) {
                case PASS -> "PASS";
                case FAIL -> "FAIL";
                case SKIPPED -> "SKIP";
            };
            failed += c.failed() ? 1 : 0;
            skipped += c.status() == Check.Status.SKIPPED ? 1 : 0;
            sb.append(String.format(java.util.Locale.ROOT, "  %s  %-20s %s%n", tag, c.name(), c.message()));
        }
        sb.append("tinyj ").append(command).append(": ");
        if (failed == 0) {
            sb.append("all ").append(checks.size() - skipped).append(checks.size() - skipped == 1 ? " check" : " checks")
                    .append(" passed");
        } else {
            sb.append(failed).append(" of ").append(checks.size()).append(checks.size() == 1 ? " check" : " checks")
                    .append(" FAILED");
        }
        if (skipped > 0) {
            sb.append(", ").append(skipped).append(" skipped");
        }
        return sb.append('\n').toString();
    }

    /**
     * The run's JSON report with a {@code checks} array before {@code verdict} and
     * {@code verdict.exit_code} set to {@code exitCode}.
     */
    @SuppressWarnings("unchecked")
    static String json(Map<String, Object> report, List<Check> checks, int exitCode) {
        List<Object> array = Json.array();
        for (Check c : checks) {
            Map<String, Object> e = Json.object();
            e.put("name", c.name());
            e.put("status", c.status().label());
            e.put("value", c.value());
            e.put("limit", c.limit());
            e.put("unit", c.unit());
            e.put("message", c.message());
            array.add(e);
        }
        Map<String, Object> verdict = (Map<String, Object>) report.remove("verdict");
        verdict.put("exit_code", exitCode);
        report.put("checks", array);
        report.put("verdict", verdict);
        return Json.write(report);
    }

    /** Writes the testcases of one suite. */
    @FunctionalInterface
    private interface Cases {
        void write(XMLStreamWriter x, String suite) throws XMLStreamException;
    }

    /**
     * A JUnit XML document: {@code <testsuites>} holding one {@code <testsuite name="tinyj COMMAND
     * MODEL on BOARD">} with the given counts, its cases written by {@code cases}, then
     * {@code systemOut} (may be null).
     */
    private static String document(String command, String model, String board, long tests, long failures, long errors,
            long skipped, Cases cases, String systemOut) {
        String suite = "tinyj " + command + " " + model + " on " + board;
        StringWriter sw = new StringWriter();
        try {
            XMLStreamWriter x = XMLOutputFactory.newFactory().createXMLStreamWriter(sw);
            x.writeStartDocument("UTF-8", "1.0");
            x.writeCharacters("\n");
            x.writeStartElement("testsuites");
            x.writeAttribute("name", "tinyj " + command);
            counts(x, tests, failures, errors, skipped);
            x.writeCharacters("\n  ");
            x.writeStartElement("testsuite");
            x.writeAttribute("name", suite);
            counts(x, tests, failures, errors, skipped);
            x.writeAttribute("time", "0");
            cases.write(x, suite);
            if (systemOut != null) {
                x.writeCharacters("\n    ");
                x.writeStartElement("system-out");
                x.writeCharacters(systemOut);
                x.writeEndElement();
            }
            x.writeCharacters("\n  ");
            x.writeEndElement();
            x.writeCharacters("\n");
            x.writeEndElement();
            x.writeEndDocument();
            x.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write the JUnit report", e);
        }
        return sw.append('\n').toString();
    }

    private static void counts(XMLStreamWriter x, long tests, long failures, long errors, long skipped)
            throws XMLStreamException {
        x.writeAttribute("tests", Long.toString(tests));
        x.writeAttribute("failures", Long.toString(failures));
        x.writeAttribute("errors", Long.toString(errors));
        x.writeAttribute("skipped", Long.toString(skipped));
    }

    /**
     * JUnit XML: one {@code <testsuite name="tinyj check MODEL on BOARD">} inside {@code <testsuites>},
     * one {@code <testcase>} per check, {@code <failure>} and {@code <skipped>} with the figures, and the
     * text report as {@code <system-out>}.
     */
    static String junit(String command, String model, String board, List<Check> checks, String textReport) {
        long failures = checks.stream().filter(Check::failed).count();
        long skipped = checks.stream().filter(c -> c.status() == Check.Status.SKIPPED).count();
        return document(command, model, board, checks.size(), failures, 0, skipped, (x, suite) -> {
            for (Check c : checks) {
                x.writeCharacters("\n    ");
                x.writeStartElement("testcase");
                x.writeAttribute("classname", suite);
                x.writeAttribute("name", c.name());
                x.writeAttribute("time", "0");
                x.writeCharacters("\n      ");
                if (c.status() == Check.Status.PASS) {
                    x.writeStartElement("system-out");
                    x.writeCharacters(c.message());
                } else {
                    x.writeStartElement(c.failed() ? "failure" : "skipped");
                    x.writeAttribute("message", c.message());
                    if (c.failed()) {
                        x.writeAttribute("type", c.name());
                        x.writeCharacters(c.message());
                    }
                }
                x.writeEndElement();
                x.writeCharacters("\n    ");
                x.writeEndElement();
            }
        }, textReport);
    }

    /** JUnit XML for a run whose firmware faulted: one testcase {@code run} with an {@code <error>}. */
    static String junitFault(String command, String model, String board, String fault) {
        return document(command, model, board, 1, 0, 1, 0, (x, suite) -> {
            x.writeCharacters("\n    ");
            x.writeStartElement("testcase");
            x.writeAttribute("classname", suite);
            x.writeAttribute("name", "run");
            x.writeAttribute("time", "0");
            x.writeCharacters("\n      ");
            x.writeStartElement("error");
            x.writeAttribute("message", fault.lines().findFirst().orElse("the firmware faulted"));
            x.writeAttribute("type", "guest-fault");
            x.writeCharacters(fault);
            x.writeEndElement();
            x.writeCharacters("\n    ");
            x.writeEndElement();
        }, null);
    }
}
