package dev.bench4j.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A Spring Boot application that runs bench4j benchmarks: the plans, the run store and the model
 * providers are beans configured from {@code application.yml} ({@link BenchProperties}); a benchmark
 * runs from {@code POST /benchmarks/{name}/runs} ({@link BenchmarkController}) and, when
 * {@code bench4j.startup.enabled} is true, once at start-up ({@link StartupRun}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class BenchApplication {

    /**
     * Starts the application.
     *
     * @param args Spring Boot's command-line arguments, e.g. {@code --bench4j.startup.enabled=false}
     */
    public static void main(String[] args) {
        SpringApplication.run(BenchApplication.class, args);
    }
}
