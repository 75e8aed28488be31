package io.github.shikumi.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The architecture of shikumi-core (DESIGN.md "Roles"), read from its compiled classes: no package cycle; the
 * book's classes ({@code model}: network, layout, activation, output, trace) do not use the fast engine; the
 * engine's kernels, threads and SIMD loading are package-private; the update rules know nothing of networks.
 */
class CoreStructureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.shikumi");

    @Test
    void core_has_no_package_cycle() {
        slices().matching("io.github.shikumi.(*)..").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void the_books_classes_do_not_depend_on_the_engine_or_training() {
        noClasses().that().resideInAPackage("io.github.shikumi.model..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.shikumi.engine..",
                        "io.github.shikumi.train..", "io.github.shikumi.format..")
                .check(CORE);
    }

    @Test
    void the_engine_shows_only_its_entry_points() {
        Set<String> api = Set.of("Backprop", "FloatBackprop", "FloatImages");
        classes().that().resideInAPackage("io.github.shikumi.engine").and().areTopLevelClasses()
                .and().haveNameNotMatching(".*\\.(" + String.join("|", api) + ")")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CORE);
    }

    @Test
    void update_rules_depend_only_on_messages() {
        noClasses().that().resideInAPackage("io.github.shikumi.update..")
                .should().dependOnClassesThat().resideInAnyPackage("io.github.shikumi.model..",
                        "io.github.shikumi.engine..", "io.github.shikumi.train..", "io.github.shikumi.data..",
                        "io.github.shikumi.format..")
                .check(CORE);
    }
}
