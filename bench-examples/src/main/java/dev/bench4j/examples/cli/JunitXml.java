package dev.bench4j.examples.cli;

import dev.bench4j.core.CellId;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.json.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes a {@link JunitReport} as a JUnit XML file in the de-facto Ant/Surefire format that Jenkins
 * (junit plugin), GitLab ({@code artifacts:reports:junit}) and GitHub test reporters
 * (dorny/test-reporter, mikepenz/action-junit-report, EnricoMi/publish-unit-test-result-action) read.
 * There is no official schema; the file is valid against the one the Jenkins xUnit plugin
 * validates JUnit files with ({@code junit-10.xsd}, Gregory Boissinot, MIT licence:
 * https://github.com/jenkinsci/xunit-plugin/blob/master/src/main/resources/org/jenkinsci/plugins/xunit/types/model/xsd/junit-10.xsd),
 * and keeps to what the readers use:
 * <ul>
 *   <li>{@code testsuites} (name, tests, failures, errors, time: the run's wall-clock time; that
 *       schema has no {@code skipped} here, so skipped counts are on each suite);
 *   <li>one {@code testsuite} per prompt × model config, named like its cases' {@code classname}
 *       (dorny/test-reporter then puts the cases in no sub-group), with tests, failures, errors,
 *       skipped, time (the sum of its cells' latencies, seconds with three decimals as Surefire
 *       writes them), timestamp (the run's start, UTC, ISO 8601 without zone) and properties
 *       ({@code bench4j.run_id}, {@code bench4j.run_status}, {@code bench4j.plan},
 *       {@code bench4j.prompt}, {@code bench4j.model} with the exact names, and each
 *       {@code bench4j.min_score.SCORER});
 *   <li>one {@code testcase} per cell: {@code classname} is {@code PLAN.PROMPT.MODEL}, each name's own
 *       dots replaced by {@code _}, so that Jenkins' package / class tree (split at the last dot)
 *       shows plan and prompt as the package and the model as the class, and GitLab (which shows
 *       {@code classname} as the suite and drops a case whose classname and name repeat another's)
 *       keeps every cell apart; {@code name} is the trial id, with {@code #REPETITION} when the plan
 *       repeats cells; {@code time} is the cell's latency in seconds;
 *   <li>a failed cell has an {@code error} (JUnit's "unanticipated problem": the call failed),
 *       {@code type} its error kind ({@code rate_limited}, {@code timeout}, ...); a cell whose score is
 *       below a {@code --min-score} threshold (or that the scorer could not score) has a
 *       {@code failure} of {@code type="min_score"}; a cell that did not finish (the run was cancelled,
 *       failed, stopped at its budget, or is still going) is {@code skipped} with the reason. The
 *       message is in the {@code message} attribute (one line; Jenkins and GitHub reporters show it)
 *       and in the element's text (GitLab shows only that);
 *   <li>{@code system-out} holds the cell's scores, and for a failure the start of the model's
 *       output ({@value JunitReport#OUTPUT_KEPT} characters).
 * </ul>
 * Text is written through the JDK's {@link XMLStreamWriter}, which escapes markup but not the
 * control characters XML 1.0 forbids (model outputs contain them): those, and lone surrogates,
 * are written as {@code \\uXXXX}. The file is replaced atomically (a temporary file renamed over it).
 */
final class JunitXml {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JunitXml() {
    }

    /**
     * Writes the report to a file, atomically.
     *
     * @param file the file to create or replace; its folder must exist
     * @param report the cells
     * @param status the run's status (cells that have not finished are skipped, with a reason from it)
     * @param reason why the run failed or was cancelled
     * @param wallTime how long the run took (so far)
     * @throws IOException if the file cannot be written; it is then as it was
     */
    static void write(Path file, JunitReport report, RunStatus status, Optional<String> reason, Duration wallTime)
            throws IOException {
        AtomicFiles.writeUnforced(file, bytes(report, status, reason, wallTime));
    }

    /**
     * Returns the report as the bytes of a UTF-8 XML document.
     *
     * @param report the cells
     * @param status the run's status
     * @param reason why the run failed or was cancelled
     * @param wallTime how long the run took
     * @return the document
     */
    static byte[] bytes(JunitReport report, RunStatus status, Optional<String> reason, Duration wallTime) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(8192);
        try {
            writeTo(out, report, status, reason, wallTime);
        } catch (XMLStreamException e) {
            throw new IllegalStateException("could not write the JUnit XML: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** The counts of a suite or of the whole file. */
    private static final class Counts {
        int tests;
        int failures;
        int errors;
        int skipped;
        double seconds;

        void add(Counts c) {
            tests += c.tests;
            failures += c.failures;
            errors += c.errors;
            skipped += c.skipped;
        }
    }

    private static void writeTo(java.io.ByteArrayOutputStream out, JunitReport report, RunStatus status, Optional<String> reason,
            Duration wallTime) throws XMLStreamException {
        RunInfo info = report.info();
        List<String> trials = report.trialIds();
        int repetitions = info.plan().repetitions();
        String notRun = notRun(status, reason);
        List<Counts> perSuite = new ArrayList<>();
        Counts all = new Counts();
        for (Prompt p : report.prompts()) {
            for (ModelConfig m : report.models()) {
                Counts c = new Counts();
                for (String t : trials) {
                    for (int r = 0; r < repetitions; r++) {
                        c.tests++;
                        Optional<JunitReport.Case> k = report.get(new CellId(p.name(), m.id(), t, r));
                        if (k.isEmpty()) {
                            c.skipped++;
                        } else if (k.get().error().isPresent()) {
                            c.errors++;
                        } else if (!k.get().misses().isEmpty()) {
                            c.failures++;
                        }
                        c.seconds += k.map(JunitReport.Case::seconds).orElse(0.0);
                    }
                }
                perSuite.add(c);
                all.add(c);
            }
        }
        XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
        w.writeStartDocument("UTF-8", "1.0");
        w.writeCharacters("\n");
        w.writeStartElement("testsuites");
        attribute(w, "name", info.name());
        w.writeAttribute("tests", Integer.toString(all.tests));
        w.writeAttribute("failures", Integer.toString(all.failures));
        w.writeAttribute("errors", Integer.toString(all.errors));
        w.writeAttribute("time", seconds(wallTime.toNanos() / 1e9));
        int suite = 0;
        for (Prompt p : report.prompts()) {
            for (ModelConfig m : report.models()) {
                Counts c = perSuite.get(suite++);
                String classname = classname(info.name(), p.name(), m.id());
                w.writeCharacters("\n  ");
                w.writeStartElement("testsuite");
                attribute(w, "name", classname);
                w.writeAttribute("tests", Integer.toString(c.tests));
                w.writeAttribute("failures", Integer.toString(c.failures));
                w.writeAttribute("errors", Integer.toString(c.errors));
                w.writeAttribute("skipped", Integer.toString(c.skipped));
                w.writeAttribute("time", seconds(c.seconds));
                w.writeAttribute("timestamp", TIMESTAMP.format(info.startedAt().truncatedTo(ChronoUnit.SECONDS)));
                w.writeCharacters("\n    ");
                w.writeStartElement("properties");
                property(w, "bench4j.run_id", info.id());
                property(w, "bench4j.run_status", status.wireName() + reason.map(r -> " (" + r + ")").orElse(""));
                property(w, "bench4j.plan", info.name());
                property(w, "bench4j.prompt", p.name());
                property(w, "bench4j.model", m.id());
                for (JunitReport.MinScore t : report.thresholds()) {
                    property(w, "bench4j.min_score." + t.scorer(), JunitReport.num(t.min()));
                }
                w.writeCharacters("\n    ");
                w.writeEndElement();
                for (String t : trials) {
                    for (int r = 0; r < repetitions; r++) {
                        CellId cell = new CellId(p.name(), m.id(), t, r);
                        testcase(w, classname, repetitions > 1 ? t + "#" + r : t, report.get(cell), notRun);
                    }
                }
                w.writeCharacters("\n  ");
                w.writeEndElement();
            }
        }
        w.writeCharacters("\n");
        w.writeEndElement();
        w.writeEndDocument();
        w.close();
        out.write('\n');
    }

    private static void testcase(XMLStreamWriter w, String classname, String name, Optional<JunitReport.Case> finished,
            String notRun) throws XMLStreamException {
        w.writeCharacters("\n    ");
        boolean empty = finished.isEmpty() ? false : finished.get().error().isEmpty() && finished.get().misses().isEmpty()
                && finished.get().scores().isEmpty();
        if (empty) {
            w.writeEmptyElement("testcase");
        } else {
            w.writeStartElement("testcase");
        }
        attribute(w, "classname", classname);
        attribute(w, "name", name);
        w.writeAttribute("time", seconds(finished.map(JunitReport.Case::seconds).orElse(0.0)));
        if (empty) {
            return;
        }
        if (finished.isEmpty()) {
            w.writeCharacters("\n      ");
            w.writeStartElement("skipped");
            attribute(w, "message", notRun);
            w.writeEndElement();
        } else {
            JunitReport.Case c = finished.get();
            if (c.error().isPresent()) {
                String message = c.error().get().message()
                        + c.error().get().httpStatus().stream().mapToObj(s -> " (HTTP " + s + ")").findFirst().orElse("");
                w.writeCharacters("\n      ");
                w.writeStartElement("error");
                attribute(w, "type", c.error().get().kind().wireName());
                attribute(w, "message", oneLine(message));
                text(w, c.error().get().kind().wireName() + ": " + message);
                w.writeEndElement();
            } else if (!c.misses().isEmpty()) {
                w.writeCharacters("\n      ");
                w.writeStartElement("failure");
                w.writeAttribute("type", "min_score");
                attribute(w, "message", oneLine(String.join("; ", c.misses())));
                text(w, String.join("\n", c.misses()));
                w.writeEndElement();
            }
            StringBuilder out = new StringBuilder();
            if (!c.scores().isEmpty()) {
                out.append("scores: ").append(c.scores()).append('\n');
            }
            if (!c.misses().isEmpty()) {
                out.append("output:\n").append(c.output()).append('\n');
            }
            if (out.length() > 0) {
                w.writeCharacters("\n      ");
                w.writeStartElement("system-out");
                text(w, out.toString());
                w.writeEndElement();
            }
        }
        w.writeCharacters("\n    ");
        w.writeEndElement();
    }

    /** Why a cell that has no result did not run, from the run's status. */
    private static String notRun(RunStatus status, Optional<String> reason) {
        String why = switch (status) {
            case RUNNING -> "not finished yet: the run was still going when this file was written";
            case CANCELLED -> "not run: the run was cancelled";
            case FAILED -> "not run: the run failed";
            case BUDGET_EXCEEDED -> "not run: the run stopped at its budget";
            case INTERRUPTED -> "not run: the run was interrupted";
            case COMPLETED -> "no result";
        };
        return why + reason.map(r -> " (" + r + ")").orElse("");
    }

    /**
     * A test class name for Jenkins' package / class tree: plan, prompt and model joined by dots,
     * each name's own dots replaced by {@code _}.
     */
    static String classname(String plan, String prompt, String model) {
        return plan.replace('.', '_') + "." + prompt.replace('.', '_') + "." + model.replace('.', '_');
    }

    /** Seconds with three decimals and a dot, whatever the locale (Surefire's form). */
    static String seconds(double s) {
        return String.format(Locale.ROOT, "%.3f", s);
    }

    private static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }

    private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeAttribute(name, legal(value));
    }

    private static void property(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        w.writeCharacters("\n      ");
        w.writeEmptyElement("property");
        attribute(w, "name", name);
        attribute(w, "value", value);
    }

    private static void text(XMLStreamWriter w, String s) throws XMLStreamException {
        w.writeCharacters(legal(s));
    }

    /**
     * Replaces what XML 1.0 forbids (control characters other than tab, newline and carriage return,
     * U+FFFE, U+FFFF and lone surrogates) by {@code \\uXXXX}; everything else is kept.
     *
     * @param s the text
     * @return the text, legal in an XML 1.0 document
     */
    static String legal(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                if (b != null) {
                    b.append(c).append(s.charAt(i + 1));
                }
                i++;
                continue;
            }
            ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD;
            if (ok) {
                if (b != null) {
                    b.append(c);
                }
            } else {
                if (b == null) {
                    b = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                b.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return b == null ? s : b.toString();
    }
}
