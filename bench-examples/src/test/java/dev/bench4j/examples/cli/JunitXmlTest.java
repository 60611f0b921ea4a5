package dev.bench4j.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bench4j.core.CellId;
import dev.bench4j.core.Environment;
import dev.bench4j.core.FinishReason;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.PlanSnapshot;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Result;
import dev.bench4j.core.RunInfo;
import dev.bench4j.core.Trial;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code bench run --junit-xml} and {@code bench export --format junit}: the file is read back with
 * the JDK's DOM parser and validated against the JUnit schema Jenkins checks reports with
 * ({@code junit/jenkins-junit.xsd}, its source cited there).
 */
class JunitXmlTest {

    /** A trial whose text has what XML 1.0 forbids and what it must escape. */
    private static final String HOSTILE = "\u0001bell\u001b[31m ]]> <script>alert(1)</script> \"q\" 'a' & é 😀 \uFFFF";

    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    /**
     * Four trials (two answered right, one wrong, one hostile and wrong), one prompt whose name has a
     * dot, and two echo models: {@code e.1} answers every cell, {@code e2} fails every cell.
     */
    private Path plan(String extra) throws IOException {
        List<String> trials = List.of(
                "{\"id\": \"t1\", \"vars\": {\"text\": \"alpha\"}, \"expected\": \"alpha\"}",
                "{\"id\": \"t2\", \"vars\": {\"text\": \"beta\"}, \"expected\": \"beta\"}",
                "{\"id\": \"t3\", \"vars\": {\"text\": \"gamma\"}, \"expected\": \"delta\"}",
                "{\"id\": \"t4\", \"vars\": {\"text\": " + json(HOSTILE) + "}, \"expected\": \"nope\"}");
        Files.writeString(dir.resolve("trials.jsonl"), String.join("\n", trials) + "\n");
        Path plan = dir.resolve("plan.json");
        Files.writeString(plan, "{\"name\": \"ci.gate\", \"prompts\": ["
                + "{\"name\": \"p.v1\", \"messages\": [{\"role\": \"user\", \"content\": \"{{text}}\"}]}],"
                + " \"models\": [{\"id\": \"e.1\", \"provider\": \"echo\", \"model\": \"e1\"},"
                + " {\"id\": \"e2\", \"provider\": \"echo\", \"model\": \"e2\", \"params\": {\"fail_attempts\": 5}}],"
                + " \"scorers\": [{\"type\": \"exact\"}],"
                + " \"trials\": \"trials.jsonl\", \"cache\": false, \"retry\": {\"max_attempts\": 1}" + extra + "}");
        return plan;
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c < 0x20 || c == '"' || c == '\\' || c > 0x7e) {
                b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    /** Parses a report with the JDK's DOM parser and validates it against the Jenkins JUnit schema. */
    private static Document parseAndValidate(Path file) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = f.newDocumentBuilder().parse(file.toFile());
        try (InputStream xsd = JunitXmlTest.class.getResourceAsStream("/junit/jenkins-junit.xsd")) {
            Validator v = SchemaFactory.newDefaultInstance()
                    .newSchema(new javax.xml.transform.stream.StreamSource(xsd)).newValidator();
            v.validate(new DOMSource(doc));
        }
        return doc;
    }

    private static List<Element> elements(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagName(name);
        List<Element> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    private static Element only(Element parent, String name) {
        List<Element> found = elements(parent, name);
        assertThat(found).as(name + " in " + parent.getAttribute("name")).hasSize(1);
        return found.get(0);
    }

    /** Each test case as {@code classname|name -> outcome} (error:type, failure:type, skipped or passed). */
    private static Map<String, String> outcomes(Document doc) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Element c : elements(doc.getDocumentElement(), "testcase")) {
            String outcome = "passed";
            for (String kind : List.of("error", "failure", "skipped")) {
                List<Element> e = elements(c, kind);
                if (!e.isEmpty()) {
                    outcome = kind + (kind.equals("skipped") ? "" : ":" + e.get(0).getAttribute("type"));
                }
            }
            out.put(c.getAttribute("classname") + "|" + c.getAttribute("name"), outcome);
        }
        return out;
    }

    private Element testcase(Document doc, String classname, String name) {
        return elements(doc.getDocumentElement(), "testcase").stream()
                .filter(c -> c.getAttribute("classname").equals(classname) && c.getAttribute("name").equals(name))
                .findFirst().orElseThrow();
    }

    @Test
    void aRunWritesATestCasePerCellWithErrorsForFailedCellsAndFailuresBelowTheThreshold() throws Exception {
        Path report = dir.resolve("junit.xml");
        int code = cli.run("run", plan("").toString(), "--no-progress", "--junit-xml", report.toString(),
                "--min-score", "exact=1");

        assertThat(code).as("half the cells failed, not all, and a threshold does not change the exit code").isZero();
        assertThat(cli.err()).contains("Wrote JUnit XML report " + report + " (8 of 8 cells finished)");
        Document doc = parseAndValidate(report);
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("ci.gate");
        assertThat(root.getAttribute("tests")).isEqualTo("8");
        assertThat(root.getAttribute("errors")).isEqualTo("4");
        assertThat(root.getAttribute("failures")).isEqualTo("2");
        assertThat(root.getAttribute("time")).matches("\\d+\\.\\d{3}");

        assertThat(outcomes(doc)).containsExactly(
                Map.entry("ci_gate.p_v1.e_1|t1", "passed"),
                Map.entry("ci_gate.p_v1.e_1|t2", "passed"),
                Map.entry("ci_gate.p_v1.e_1|t3", "failure:min_score"),
                Map.entry("ci_gate.p_v1.e_1|t4", "failure:min_score"),
                Map.entry("ci_gate.p_v1.e2|t1", "error:server"),
                Map.entry("ci_gate.p_v1.e2|t2", "error:server"),
                Map.entry("ci_gate.p_v1.e2|t3", "error:server"),
                Map.entry("ci_gate.p_v1.e2|t4", "error:server"));

        List<Element> suites = elements(root, "testsuite");
        assertThat(suites).extracting(s -> s.getAttribute("name")).containsExactly("ci_gate.p_v1.e_1", "ci_gate.p_v1.e2");
        Element first = suites.get(0);
        assertThat(List.of(first.getAttribute("tests"), first.getAttribute("failures"), first.getAttribute("errors"),
                first.getAttribute("skipped"))).containsExactly("4", "2", "0", "0");
        assertThat(first.getAttribute("timestamp")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}");
        Map<String, String> properties = new LinkedHashMap<>();
        elements(first, "property").forEach(p -> properties.put(p.getAttribute("name"), p.getAttribute("value")));
        assertThat(properties).containsEntry("bench4j.plan", "ci.gate").containsEntry("bench4j.prompt", "p.v1")
                .containsEntry("bench4j.model", "e.1").containsEntry("bench4j.run_status", "completed")
                .containsEntry("bench4j.min_score.exact", "1").containsKey("bench4j.run_id");
        Element second = suites.get(1);
        assertThat(List.of(second.getAttribute("tests"), second.getAttribute("failures"), second.getAttribute("errors")))
                .containsExactly("4", "0", "4");

        Element failed = only(testcase(doc, "ci_gate.p_v1.e_1", "t3"), "failure");
        assertThat(failed.getAttribute("message")).isEqualTo("exact = 0, below --min-score 1");
        assertThat(failed.getTextContent()).isEqualTo("exact = 0, below --min-score 1");
        assertThat(only(testcase(doc, "ci_gate.p_v1.e_1", "t3"), "system-out").getTextContent())
                .isEqualTo("scores: exact=0\noutput:\ngamma\n");
        assertThat(only(testcase(doc, "ci_gate.p_v1.e_1", "t1"), "system-out").getTextContent())
                .isEqualTo("scores: exact=1\n");
        Element error = only(testcase(doc, "ci_gate.p_v1.e2", "t1"), "error");
        assertThat(error.getAttribute("message")).isNotBlank().doesNotContain("\n");
        assertThat(error.getTextContent()).isEqualTo("server: " + error.getAttribute("message"));
    }

    @Test
    void controlCharactersInAnOutputAreWrittenAsEscapesAndMarkupAsText() throws Exception {
        Path report = dir.resolve("junit.xml");
        cli.run("run", plan("").toString(), "--no-progress", "--junit-xml", report.toString(), "--min-score", "exact=1");

        Document doc = parseAndValidate(report);
        String out = only(testcase(doc, "ci_gate.p_v1.e_1", "t4"), "system-out").getTextContent();
        assertThat(out).isEqualTo("scores: exact=0\noutput:\n"
                + "\\u0001bell\\u001B[31m ]]> <script>alert(1)</script> \"q\" 'a' & é 😀 \\uFFFF\n");
        String raw = Files.readString(report);
        assertThat(raw).doesNotContain("\u0001", "\u001b", "<script>").contains("&lt;script&gt;");
    }

    @Test
    void aRunStoppedAtItsBudgetStillWritesTheFileAndSkipsTheCellsThatDidNotRun() throws Exception {
        Path report = dir.resolve("junit.xml");
        int code = cli.run("run", plan(", \"concurrency\": 1").toString(), "--no-progress", "--junit-xml",
                report.toString(), "--max-calls", "3");

        assertThat(code).isEqualTo(1);
        Document doc = parseAndValidate(report);
        Map<String, String> outcomes = outcomes(doc);
        assertThat(outcomes).hasSize(8);
        long skipped = outcomes.values().stream().filter("skipped"::equals).count();
        assertThat(skipped).as(outcomes.toString()).isEqualTo(8 - 3);
        Element root = doc.getDocumentElement();
        long suiteSkipped = elements(root, "testsuite").stream().mapToLong(s -> Long.parseLong(s.getAttribute("skipped")))
                .sum();
        assertThat(suiteSkipped).isEqualTo(skipped);
        Element skip = elements(root, "skipped").get(0);
        assertThat(skip.getAttribute("message")).startsWith("not run: the run stopped at its budget");
        assertThat(cli.err()).contains("(3 of 8 cells finished)");
    }

    @Test
    void exportOfAStoredRunWritesTheSameCasesAsTheRun() throws Exception {
        Path report = dir.resolve("run.xml");
        cli.run("run", plan(", \"store\": \"runs\"").toString(), "--no-progress", "--junit-xml", report.toString(),
                "--min-score", "exact=0.5");
        Matcher m = Pattern.compile("run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).as(cli.err()).isTrue();

        Path exported = dir.resolve("export.xml");
        assertThat(cli.run("export", m.group(1), "--format", "junit", "--out", exported.toString(), "--min-score",
                "exact=0.5", "--store", dir.resolve("runs").toString())).as(cli.err()).isZero();

        Document fromRun = parseAndValidate(report);
        Document fromStore = parseAndValidate(exported);
        assertThat(outcomes(fromStore)).isEqualTo(outcomes(fromRun)).containsValue("failure:min_score");
        assertThat(only(testcase(fromStore, "ci_gate.p_v1.e_1", "t3"), "failure").getAttribute("message"))
                .isEqualTo("exact = 0, below --min-score 0.5");
    }

    @Test
    void aResumedRunReportsTheCellsItHadStoredToo() throws Exception {
        Path plan = plan(", \"store\": \"runs\", \"concurrency\": 1");
        cli.run("run", plan.toString(), "--no-progress", "--max-calls", "3");
        Matcher m = Pattern.compile("run (bench_[0-9a-f]{8}_\\d{8}_\\d{6}) in").matcher(cli.err());
        assertThat(m.find()).as(cli.err()).isTrue();

        Path report = dir.resolve("junit.xml");
        cli.run("run", plan.toString(), "--no-progress", "--resume", m.group(1), "--junit-xml", report.toString());

        Map<String, String> outcomes = outcomes(parseAndValidate(report));
        assertThat(outcomes).hasSize(8).doesNotContainValue("skipped");
        assertThat(cli.err()).contains("(8 of 8 cells finished)");
    }

    @Test
    void timesAreWrittenWithADotUnderACommaDecimalLocale() throws Exception {
        Locale before = Locale.getDefault();
        Locale.setDefault(Locale.GERMANY);
        try {
            Path report = dir.resolve("junit.xml");
            cli.run("run", plan("").toString(), "--no-progress", "--junit-xml", report.toString());
            Document doc = parseAndValidate(report);
            assertThat(doc.getDocumentElement().getAttribute("time")).matches("\\d+\\.\\d{3}");
            for (String element : List.of("testsuite", "testcase")) {
                for (Element e : elements(doc.getDocumentElement(), element)) {
                    assertThat(e.getAttribute("time")).matches("\\d+\\.\\d{3}");
                }
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void minScoreNeedsTheReportAKnownScorerAndANumber() throws IOException {
        Path plan = plan("");
        String report = dir.resolve("junit.xml").toString();
        assertThat(cli.run("run", plan.toString(), "--min-score", "exact=1")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --min-score needs --junit-xml FILE: it marks cells failed in that report\n");
        assertThat(cli.run("run", plan.toString(), "--junit-xml", report, "--min-score", "f1=0.8")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --min-score: no scorer 'f1' in the plan; its scorers: exact\n");
        assertThat(cli.run("run", plan.toString(), "--junit-xml", report, "--min-score", "exact=high")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --min-score: expected a number after '=' but was 'high' in 'exact=high'\n");
        assertThat(cli.run("run", plan.toString(), "--junit-xml", report, "--min-score", "exact")).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --min-score: expected SCORER=VALUE (e.g. set_f1=0.8) but was 'exact'\n");
        String missing = dir.resolve("no-such-folder").resolve("junit.xml").toString();
        assertThat(cli.run("run", plan.toString(), "--junit-xml", missing)).isEqualTo(2);
        assertThat(cli.err()).isEqualTo("bench: --junit-xml: the folder of " + missing + " does not exist\n");
        assertThat(Files.exists(dir.resolve("junit.xml"))).as("nothing ran").isFalse();
    }

    @Test
    void whileTheRunGoesTheReportSaysWhichCellsHaveNotFinishedYet() throws Exception {
        Path report = dir.resolve("junit.xml");
        JunitReport junit = new JunitReport(List.of(), Optional.of(report), Duration.ZERO);
        Instant t0 = Instant.parse("2026-12-07T10:00:00Z");
        PlanSnapshot plan = new PlanSnapshot("live", List.of(Prompt.named("p")), List.of(ModelConfig.of("echo", "m")), 2,
                "f", 1, 1, List.of());
        junit.open(new RunInfo("bench_00000000_20261207_100000", "live", t0, plan, Environment.current()),
                List.of(Trial.of("a", Map.of()), Trial.of("b", Map.of())));
        String model = plan.models().get(0).id();
        junit.accept(Result.success(new CellId("p", model, "b", 0), "ok", FinishReason.STOP,
                Result.Timing.of(t0, Duration.ofMillis(1500))));

        junit.writeInterim();

        Document doc = parseAndValidate(report);
        assertThat(outcomes(doc)).containsExactly(Map.entry("live.p." + model.replace('.', '_') + "|a", "skipped"),
                Map.entry("live.p." + model.replace('.', '_') + "|b", "passed"));
        assertThat(elements(doc.getDocumentElement(), "skipped").get(0).getAttribute("message"))
                .isEqualTo("not finished yet: the run was still going when this file was written");
        Element suite = only(doc.getDocumentElement(), "testsuite");
        assertThat(suite.getAttribute("time")).isEqualTo("1.500");
        assertThat(suite.getAttribute("timestamp")).isEqualTo("2026-12-07T10:00:00");
        assertThat(elements(suite, "property")).anySatisfy(p -> {
            assertThat(p.getAttribute("name")).isEqualTo("bench4j.run_status");
            assertThat(p.getAttribute("value")).isEqualTo("running");
        });
    }

    @Test
    void illegalXmlCharactersAndLoneSurrogatesAreEscapedAndPairsKept() {
        assertThat(JunitXml.legal("a\u0000b\u0008c\td\ne\rf")).isEqualTo("a\\u0000b\\u0008c\td\ne\rf");
        assertThat(JunitXml.legal("x\uD800y\uDC00z😀")).isEqualTo("x\\uD800y\\uDC00z😀");
        assertThat(JunitXml.legal("\uFFFE\uFFFD")).isEqualTo("\\uFFFE\uFFFD");
        String clean = "plain text é";
        assertThat(JunitXml.legal(clean)).isSameAs(clean);
    }

    @Test
    void classnamesJoinPlanPromptAndModelWithTheirOwnDotsReplaced() {
        assertThat(JunitXml.classname("triage", "extract-v2", "openai:gpt-4.1-mini"))
                .isEqualTo("triage.extract-v2.openai:gpt-4_1-mini");
    }
}
