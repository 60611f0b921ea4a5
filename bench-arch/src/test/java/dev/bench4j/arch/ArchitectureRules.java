package dev.bench4j.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/** bench4j's architecture rules: internal packages stay inside their module, and arrows point one way. */
final class ArchitectureRules {

    /** No class outside {@code dev.bench4j.core..} depends on {@code dev.bench4j.core.internal..}. */
    static final ArchRule CORE_INTERNAL_IS_USED_ONLY_BY_CORE = noClasses()
            .that().resideOutsideOfPackage(BenchModule.CORE.packages())
            .should().dependOnClassesThat().resideInAPackage("dev.bench4j.core.internal..")
            .because("dev.bench4j.core.internal is not API and may change without notice: other modules use "
                    + "dev.bench4j.core and dev.bench4j.core.spi");

    /** A module's {@code ..internal..} packages are used only by classes of that module. */
    static final ArchRule INTERNAL_PACKAGES_ARE_USED_ONLY_BY_THEIR_MODULE = classes()
            .should(useNoInternalPackageOfAnotherModule())
            .because("a module's internal packages are not API and may change without notice; what another "
                    + "module needs belongs in a public or SPI package");

    /** Core names no other module. */
    static final ArchRule CORE_DEPENDS_ON_NO_OTHER_MODULE = noClasses()
            .that().resideInAPackage(BenchModule.CORE.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.PROVIDERS.packages(), BenchModule.SCORING.packages(), BenchModule.STORE.packages(),
                    BenchModule.WEB.packages(), BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages())
            .because("arrows point to core: core never names a provider, scorer or store, it finds them "
                    + "through its SPIs");

    /** Providers depend on core only. */
    static final ArchRule PROVIDERS_DEPEND_ON_NO_MODULE_BUT_CORE = noClasses()
            .that().resideInAPackage(BenchModule.PROVIDERS.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.SCORING.packages(), BenchModule.STORE.packages(), BenchModule.WEB.packages(),
                    BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages())
            .because("a provider only translates a model call to its wire format and back, through core's SPI");

    /** Scoring does not depend on the store. */
    static final ArchRule SCORING_DOES_NOT_DEPEND_ON_STORE = noClasses()
            .that().resideInAPackage(BenchModule.SCORING.packages())
            .should().dependOnClassesThat().resideInAPackage(BenchModule.STORE.packages())
            .because("scoring and storing are independent plug-ins of core: either one is used without the other");

    /** The store does not depend on scoring. */
    static final ArchRule STORE_DOES_NOT_DEPEND_ON_SCORING = noClasses()
            .that().resideInAPackage(BenchModule.STORE.packages())
            .should().dependOnClassesThat().resideInAPackage(BenchModule.SCORING.packages())
            .because("scoring and storing are independent plug-ins of core: either one is used without the other");

    /** The library (core, providers, scoring, store) depends on none of the applications built on it (viewer, JUnit extension, examples, benchmarks). */
    static final ArchRule LIBRARY_DEPENDS_ON_NO_APPLICATION = noClasses()
            .that().resideInAnyPackage(
                    BenchModule.CORE.packages(), BenchModule.PROVIDERS.packages(), BenchModule.SCORING.packages(),
                    BenchModule.STORE.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.WEB.packages(), BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages(),
                    BenchModule.JUNIT.packages(), BenchModule.LANGCHAIN4J.packages(), BenchModule.SPRING_AI.packages(),
                    BenchModule.EMBEDDINGS.packages())
            .because("the viewer, the JUnit extension, the LangChain4j and Spring AI adapters, the embedding scorer, the"
                    + " examples and CLI, and the benchmarks are optional applications of the library: a library user"
                    + " must not need them");

    /** The LangChain4j adapter depends on core only, like a provider. */
    static final ArchRule LANGCHAIN4J_DEPENDS_ON_NO_MODULE_BUT_CORE = noClasses()
            .that().resideInAPackage(BenchModule.LANGCHAIN4J.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.PROVIDERS.packages(), BenchModule.SCORING.packages(), BenchModule.STORE.packages(),
                    BenchModule.WEB.packages(), BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages(),
                    BenchModule.JUNIT.packages(), BenchModule.SPRING_AI.packages(), BenchModule.EMBEDDINGS.packages())
            .because("the adapter is a model provider over a LangChain4j ChatModel, through core's SPI");

    /** The Spring AI adapter depends on core only, like a provider. */
    static final ArchRule SPRING_AI_DEPENDS_ON_NO_MODULE_BUT_CORE = noClasses()
            .that().resideInAPackage(BenchModule.SPRING_AI.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.PROVIDERS.packages(), BenchModule.SCORING.packages(), BenchModule.STORE.packages(),
                    BenchModule.WEB.packages(), BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages(),
                    BenchModule.JUNIT.packages(), BenchModule.LANGCHAIN4J.packages(), BenchModule.EMBEDDINGS.packages())
            .because("the adapter is a model provider over a Spring AI ChatModel, through core's SPI");

    /** The embedding scorer depends on core only: it is a scorer through core's SPI, not a bench-scoring one. */
    static final ArchRule EMBEDDINGS_DEPENDS_ON_NO_MODULE_BUT_CORE = noClasses()
            .that().resideInAPackage(BenchModule.EMBEDDINGS.packages())
            .should().dependOnClassesThat().resideInAnyPackage(
                    BenchModule.PROVIDERS.packages(), BenchModule.SCORING.packages(), BenchModule.STORE.packages(),
                    BenchModule.WEB.packages(), BenchModule.EXAMPLES.packages(), BenchModule.PERF.packages(),
                    BenchModule.JUNIT.packages(), BenchModule.LANGCHAIN4J.packages(), BenchModule.SPRING_AI.packages())
            .because("the module is a scorer and embedding models through core's SPIs; it stays optional and light"
                    + " for everything else");

    private ArchitectureRules() {
    }

    private static ArchCondition<JavaClass> useNoInternalPackageOfAnotherModule() {
        return new ArchCondition<>("use no internal package of another module") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<BenchModule> from = BenchModule.of(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getBaseComponentType().getPackageName();
                    Optional<BenchModule> to = BenchModule.of(target);
                    if (to.isPresent() && BenchModule.isInternal(target) && !to.equals(from)) {
                        String message = dependency.getDescription() + ": " + target + " is internal to "
                                + to.get() + ", " + origin.getName() + " is in "
                                + from.map(BenchModule::toString).orElse("no bench4j module");
                        events.add(SimpleConditionEvent.violated(dependency, message));
                    }
                }
            }
        };
    }
}
