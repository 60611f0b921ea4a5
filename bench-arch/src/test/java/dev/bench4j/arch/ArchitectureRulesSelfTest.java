package dev.bench4j.arch;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bench4j.arch.fixture.UsesCoreApiOnly;
import dev.bench4j.arch.fixture.UsesCoreInternal;
import dev.bench4j.core.BenchmarkPlan;
import dev.bench4j.core.internal.Versions;
import dev.bench4j.core.internal.echo.EchoProviderFactory;
import org.junit.jupiter.api.Test;

/** The internal-package rules catch a violation and accept code that keeps to them, so they cannot pass vacuously. */
class ArchitectureRulesSelfTest {

    private static final JavaClasses VIOLATING = new ClassFileImporter().importClasses(UsesCoreInternal.class);

    @Test
    void coreInternalRuleFailsForAClassOutsideCoreThatUsesCoreInternal() {
        assertThatThrownBy(() -> ArchitectureRules.CORE_INTERNAL_IS_USED_ONLY_BY_CORE.check(VIOLATING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(UsesCoreInternal.class.getName())
                .hasMessageContaining(Versions.class.getName())
                .hasMessageContaining(EchoProviderFactory.class.getName());
    }

    @Test
    void internalPackagesRuleFailsForAClassOutsideAModuleThatUsesItsInternals() {
        assertThatThrownBy(() -> ArchitectureRules.INTERNAL_PACKAGES_ARE_USED_ONLY_BY_THEIR_MODULE.check(VIOLATING))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(Versions.class.getName())
                .hasMessageContaining(EchoProviderFactory.class.getName())
                .hasMessageContaining("is internal to bench-core (dev.bench4j.core), "
                        + UsesCoreInternal.class.getName() + " is in no bench4j module");
    }

    @Test
    void internalPackagesRulesAcceptCoreUsingItsOwnInternalsAndOthersUsingItsApi() {
        JavaClasses keeping = new ClassFileImporter().importClasses(
                BenchmarkPlan.class, Versions.class, UsesCoreApiOnly.class);

        assertThatCode(() -> ArchitectureRules.CORE_INTERNAL_IS_USED_ONLY_BY_CORE.check(keeping))
                .doesNotThrowAnyException();
        assertThatCode(() -> ArchitectureRules.INTERNAL_PACKAGES_ARE_USED_ONLY_BY_THEIR_MODULE.check(keeping))
                .doesNotThrowAnyException();
    }
}
