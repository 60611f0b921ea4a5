package dev.bench4j.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * bench4j's architecture, checked on the main classes of every module. A failure lists each
 * offending dependency with its class and line.
 */
class ArchitectureRulesTest {

    private static final JavaClasses MAIN = BenchClasses.main();

    @Test
    void importsTheMainClassesOfEveryModuleFromThatModuleAndNoTestClasses() {
        for (BenchModule module : BenchModule.values()) {
            List<JavaClass> classes = MAIN.stream().filter(c -> module.contains(c.getPackageName())).toList();
            assertThat(classes).as("main classes of %s", module).isNotEmpty();
            assertThat(classes).as("where the classes of %s come from", module)
                    .allSatisfy(c -> assertThat(source(c)).contains(module.artifactId()));
        }
        assertThat(MAIN).as("classes outside bench4j's modules (tests, fixtures)")
                .allSatisfy(c -> assertThat(BenchModule.of(c.getPackageName())).isPresent());
        assertThat(MAIN).allSatisfy(c -> assertThat(source(c)).doesNotContain("test-classes"));
    }

    @Test
    void noClassOutsideCoreDependsOnCoreInternal() {
        ArchitectureRules.CORE_INTERNAL_IS_USED_ONLY_BY_CORE.check(MAIN);
    }

    @Test
    void everyModulesInternalPackagesAreUsedOnlyByThatModule() {
        ArchitectureRules.INTERNAL_PACKAGES_ARE_USED_ONLY_BY_THEIR_MODULE.check(MAIN);
    }

    @Test
    void coreDependsOnNoOtherModule() {
        ArchitectureRules.CORE_DEPENDS_ON_NO_OTHER_MODULE.check(MAIN);
    }

    @Test
    void providersDependOnNoModuleButCore() {
        ArchitectureRules.PROVIDERS_DEPEND_ON_NO_MODULE_BUT_CORE.check(MAIN);
    }

    @Test
    void theLangChain4jAdapterDependsOnNoModuleButCore() {
        ArchitectureRules.LANGCHAIN4J_DEPENDS_ON_NO_MODULE_BUT_CORE.check(MAIN);
    }

    @Test
    void theSpringAiAdapterDependsOnNoModuleButCore() {
        ArchitectureRules.SPRING_AI_DEPENDS_ON_NO_MODULE_BUT_CORE.check(MAIN);
    }

    @Test
    void theEmbeddingModuleDependsOnNoModuleButCore() {
        ArchitectureRules.EMBEDDINGS_DEPENDS_ON_NO_MODULE_BUT_CORE.check(MAIN);
    }

    @Test
    void scoringDoesNotDependOnTheStore() {
        ArchitectureRules.SCORING_DOES_NOT_DEPEND_ON_STORE.check(MAIN);
    }

    @Test
    void theStoreDoesNotDependOnScoring() {
        ArchitectureRules.STORE_DOES_NOT_DEPEND_ON_SCORING.check(MAIN);
    }

    @Test
    void theLibraryDependsOnNoneOfWebExamplesOrPerf() {
        ArchitectureRules.LIBRARY_DEPENDS_ON_NO_APPLICATION.check(MAIN);
    }

    private static String source(JavaClass javaClass) {
        return javaClass.getSource().map(s -> s.getUri().toString()).orElse("(no source)");
    }
}
