package dev.bench4j.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.spi.Names;
import dev.bench4j.core.testing.DiscoveredProviderFactory;
import dev.bench4j.core.testing.ScriptedProvider;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Providers are found with ServiceLoader; explicit ones win; broken entries are skipped; name clashes are errors. */
class ProviderRegistryTest {

    @TempDir
    Path dir;

    private <T> T withServices(String services, Callable<T> action) throws Exception {
        Path file = dir.resolve("META-INF/services/dev.bench4j.core.spi.ModelProviderFactory");
        Files.createDirectories(file.getParent());
        Files.writeString(file, services);
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Thread.currentThread().setContextClassLoader(loader);
            return action.call();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void findsBuiltInAndClassPathProvidersWithTheirAliases() {
        ProviderRegistry registry = ProviderRegistry.discover(List.of());

        assertThat(registry.names()).containsExactly("discovered", "echo", "found", "replay");
        assertThat(registry.find("FOUND")).get().isInstanceOf(DiscoveredProviderFactory.class);
        assertThat(registry.find("nope")).isEmpty();
    }

    @Test
    void anExplicitFactoryWinsOverADiscoveredOne() {
        ScriptedProvider mine = ScriptedProvider.echoing("echo");

        assertThat(ProviderRegistry.discover(List.of(mine)).find("echo")).containsSame(mine);
    }

    @Test
    void aBrokenRegistrationIsSkipped() throws Exception {
        ProviderRegistry registry = withServices("com.example.DoesNotExist\n", () -> ProviderRegistry.discover(List.of()));

        assertThat(registry.names()).contains("echo", "discovered");
    }

    @Test
    void twoFactoriesWithOneNameFailNamingBothClasses() throws Exception {
        String services = DiscoveredProviderFactory.TwinA.class.getName() + "\n" + DiscoveredProviderFactory.TwinB.class.getName() + "\n";

        assertThatThrownBy(() -> withServices(services, () -> ProviderRegistry.discover(List.of())))
                .isInstanceOf(InvalidPlanException.class)
                .hasMessage("Two model providers are named 'twin': " + DiscoveredProviderFactory.TwinA.class.getName() + " and "
                        + DiscoveredProviderFactory.TwinB.class.getName()
                        + "; remove one jar or register the one to use with BenchmarkPlan.Builder.provider(...)");
    }

    @Test
    void anExplicitFactoryResolvesANameClash() throws Exception {
        String services = DiscoveredProviderFactory.TwinA.class.getName() + "\n" + DiscoveredProviderFactory.TwinB.class.getName() + "\n";
        DiscoveredProviderFactory.TwinB chosen = new DiscoveredProviderFactory.TwinB();

        ProviderRegistry registry = withServices(services, () -> ProviderRegistry.discover(List.of(chosen)));
        assertThat(registry.find("twin")).containsSame(chosen);
    }

    @Test
    void suggestsTheClosestNameForATypo() {
        assertThat(Names.closest("opneai", List.of("echo", "openai", "ollama"))).contains("openai");
        assertThat(Names.closest("ecoh", List.of("echo", "replay"))).contains("echo");
        assertThat(Names.closest("anthropic", List.of("echo", "replay"))).isEmpty();
    }

}
