package dev.bench4j.examples.spring;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Runs the {@code bench4j.startup.benchmark} once the application has started, if {@code bench4j.startup.enabled}. */
@Component
@ConditionalOnProperty(prefix = "bench4j.startup", name = "enabled", havingValue = "true")
class StartupRun implements ApplicationRunner {

    private final Benchmarks benchmarks;
    private final BenchProperties properties;

    StartupRun(Benchmarks benchmarks, BenchProperties properties) {
        this.benchmarks = benchmarks;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        benchmarks.run(properties.startup().benchmark());
    }
}
