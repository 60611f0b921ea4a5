package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LogbackServiceProvider;
import ch.qos.logback.core.read.ListAppender;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.ModelConfig;
import dev.bench4j.core.Prompt;
import dev.bench4j.core.Run;
import dev.bench4j.core.RunStatus;
import dev.bench4j.core.Trial;
import dev.bench4j.langchain4j.LangChain4jModels;
import dev.bench4j.springai.SpringAiModels;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.scoring.Scorers;
import dev.bench4j.store.json.JsonRunStore;
import dev.bench4j.web.BenchServer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.SLF4JServiceProvider;

/** What an application that depends on bench4j gets: its own logging, a working library, the licence. */
class PlainConsumerTest {

    @Test
    void slf4jFindsOnlyTheApplicationsLogback() {
        List<String> providers = ServiceLoader.load(SLF4JServiceProvider.class).stream()
                .map(p -> p.type().getName()).toList();
        assertEquals(List.of(LogbackServiceProvider.class.getName()), providers,
                "SLF4J backends on the class path (bench4j must bring none)");
        assertInstanceOf(ch.qos.logback.classic.LoggerContext.class, LoggerFactory.getILoggerFactory());
    }

    @Test
    void anEchoBenchmarkRunsAndLogsThroughLogbackWithTheRunId() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        root.addAppender(appender);
        try {
            Run run = BenchmarkPlan.named("consumer")
                    .prompt(Prompt.named("v1").user("Say {{word}}"))
                    .model(ModelConfig.of("echo", "echo-1"))
                    .trial(Trial.of("t1", Map.of("word", "hello")).withExpected("hello"))
                    .trial(Trial.of("t2", Map.of("word", "world")).withExpected("world"))
                    .scorer(Scorers.contains())
                    .build()
                    .run();

            assertEquals(RunStatus.COMPLETED, run.status());
            assertEquals(2, run.summary().overall().succeeded());
            assertEquals(1.0, run.summary().overall().scores().get("contains").mean().orElseThrow());
            assertTrue(appender.list.stream().anyMatch(e -> e.getLoggerName().startsWith("dev.bench4j.")
                            && e.getFormattedMessage().contains(" started: ")
                            && run.info().id().equals(e.getMDCPropertyMap().get("bench4j.run_id"))),
                    "bench4j's run start line, with the run id in the MDC, in the application's Logback: " + appender.list);
        } finally {
            root.detachAppender(appender);
        }
    }

    @Test
    void everyBench4jJarCarriesTheLicence() throws Exception {
        for (Class<?> type : List.of(BenchmarkPlan.class, OpenAiProviderFactory.class, Scorers.class,
                JsonRunStore.class, BenchServer.class, LangChain4jModels.class, SpringAiModels.class, dev.bench4j.junit.Bench.class,
                dev.bench4j.examples.cli.Bench.class)) {
            Path jar = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            try (JarFile file = new JarFile(jar.toFile())) {
                assertNotNull(file.getEntry("META-INF/LICENSE"), jar.getFileName() + " has no META-INF/LICENSE");
            }
        }
    }
}
