package dev.bench4j.core.internal;

import dev.bench4j.core.spi.ScorerFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The scorer types plan files can name, found with {@link ServiceLoader} through the context class
 * loader and bench4j's own; a broken registration is logged and skipped, the first of two factories
 * with one type wins.
 */
public final class ScorerRegistry {

    private static final Logger LOG = LoggerFactory.getLogger(ScorerRegistry.class);

    private final TreeMap<String, ScorerFactory> byType;

    private ScorerRegistry(TreeMap<String, ScorerFactory> byType) {
        this.byType = byType;
    }

    /**
     * Discovers the installed scorer factories.
     *
     * @return the registry
     */
    public static ScorerRegistry discover() {
        TreeMap<String, ScorerFactory> found = new TreeMap<>();
        List<ClassLoader> loaders = new ArrayList<>();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        if (context != null) {
            loaders.add(context);
        }
        loaders.add(ScorerRegistry.class.getClassLoader());
        for (ClassLoader loader : loaders) {
            Iterator<ScorerFactory> it = ServiceLoader.load(ScorerFactory.class, loader).iterator();
            while (true) {
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    ScorerFactory f = it.next();
                    found.putIfAbsent(f.type(), f);
                } catch (ServiceConfigurationError e) {
                    LOG.warn("Skipping a broken scorer registration: {}", e.getMessage());
                }
            }
        }
        return new ScorerRegistry(found);
    }

    /**
     * Finds the factory of a scorer type.
     *
     * @param type e.g. {@code set_f1}
     * @return the factory, or empty if none is installed
     */
    public Optional<ScorerFactory> find(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    /**
     * Returns the installed types, sorted.
     *
     * @return the types
     */
    public List<String> types() {
        return List.copyOf(byType.keySet());
    }
}
