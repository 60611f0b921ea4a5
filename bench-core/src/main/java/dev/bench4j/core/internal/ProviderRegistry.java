package dev.bench4j.core.internal;

import dev.bench4j.core.InvalidPlanException;
import dev.bench4j.core.spi.ModelProviderFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provider factories a plan can use: those registered explicitly, then those found with
 * {@link ServiceLoader} through the context class loader and bench4j's own. A broken service entry
 * is logged and skipped; two discovered factories with one name are an error naming both classes.
 */
public final class ProviderRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ProviderRegistry.class);

    private final Map<String, ModelProviderFactory> byName;

    private ProviderRegistry(Map<String, ModelProviderFactory> byName) {
        this.byName = byName;
    }

    /**
     * Builds the registry.
     *
     * @param explicit factories registered on the plan; they win over discovered ones
     * @return the registry
     * @throws InvalidPlanException if two discovered factories claim one name
     */
    public static ProviderRegistry discover(Collection<ModelProviderFactory> explicit) {
        Map<String, ModelProviderFactory> discovered = new LinkedHashMap<>();
        Map<String, String> conflicts = new LinkedHashMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        if (ProviderRegistry.class.getClassLoader() != context) {
            loaders.add(ProviderRegistry.class.getClassLoader());
        }
        for (ClassLoader loader : loaders) {
            Iterator<ModelProviderFactory> it = ServiceLoader.load(ModelProviderFactory.class, loader).iterator();
            while (true) {
                ModelProviderFactory f;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    f = it.next();
                } catch (ServiceConfigurationError e) {
                    LOG.warn("Skipping a broken model provider registration: {}", e.getMessage());
                    continue;
                }
                for (String name : names(f)) {
                    ModelProviderFactory before = discovered.get(name);
                    if (before == null) {
                        discovered.put(name, f);
                    } else if (before.getClass() != f.getClass()) {
                        conflicts.put(name, "Two model providers are named '" + name + "': " + before.getClass().getName()
                                + " and " + f.getClass().getName() + "; remove one jar or register the one to use with "
                                + "BenchmarkPlan.Builder.provider(...)");
                    }
                }
            }
        }
        Map<String, ModelProviderFactory> all = new LinkedHashMap<>();
        for (ModelProviderFactory f : explicit) {
            for (String name : names(f)) {
                all.put(name, f);
            }
        }
        for (Map.Entry<String, ModelProviderFactory> e : discovered.entrySet()) {
            all.putIfAbsent(e.getKey(), e.getValue());
        }
        explicit.forEach(f -> names(f).forEach(conflicts::remove));
        if (!conflicts.isEmpty()) {
            throw new InvalidPlanException(List.copyOf(conflicts.values()));
        }
        return new ProviderRegistry(all);
    }

    private static List<String> names(ModelProviderFactory f) {
        List<String> names = new ArrayList<>();
        names.add(f.name().toLowerCase(Locale.ROOT));
        f.aliases().forEach(a -> names.add(a.toLowerCase(Locale.ROOT)));
        return names;
    }

    /**
     * Finds the factory for a provider name (case ignored).
     *
     * @param name the provider's name or alias
     * @return the factory, or empty if none is installed
     */
    public Optional<ModelProviderFactory> find(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the installed provider names and aliases, sorted.
     *
     * @return the names
     */
    public List<String> names() {
        return List.copyOf(new TreeSet<>(byName.keySet()));
    }
}
