package dev.bench4j.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The main classes of every bench4j module, imported once for all architecture tests. */
final class BenchClasses {

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(new ImportOption.DoNotIncludeTests())
            .importPackages("dev.bench4j");

    private BenchClasses() {
    }

    /**
     * Returns the main (not test) classes under {@code dev.bench4j}, from the other modules' jars or
     * {@code target/classes} on this module's test class path.
     */
    static JavaClasses main() {
        return MAIN;
    }
}
