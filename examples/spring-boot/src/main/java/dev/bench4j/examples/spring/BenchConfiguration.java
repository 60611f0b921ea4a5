package dev.bench4j.examples.spring;

import dev.bench4j.core.spi.ModelProviderFactory;
import dev.bench4j.providers.openai.OpenAiCompatibleProviderFactory;
import dev.bench4j.providers.openai.OpenAiProviderFactory;
import dev.bench4j.store.json.JsonRunStore;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The bench4j beans: the run store, the model providers and the benchmarks. */
@Configuration(proxyBeanMethods = false)
class BenchConfiguration {

    @Bean
    JsonRunStore runStore(BenchProperties properties) {
        return JsonRunStore.at(properties.storeDir());
    }

    @Bean
    OpenAiProviderFactory openAiProvider() {
        return new OpenAiProviderFactory();
    }

    @Bean
    OpenAiCompatibleProviderFactory openAiCompatibleProvider() {
        return new OpenAiCompatibleProviderFactory();
    }

    /**
     * Builds the benchmarks; API keys are looked up in Spring's {@link Environment} (environment
     * variables, system properties, application properties) when a call is made.
     */
    @Bean
    Benchmarks benchmarks(BenchProperties properties, JsonRunStore runStore, List<ModelProviderFactory> providers,
            Environment environment) {
        return Benchmarks.load(properties, runStore, providers, name -> Optional.ofNullable(environment.getProperty(name)));
    }
}
