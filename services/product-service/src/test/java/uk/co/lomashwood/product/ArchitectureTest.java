package uk.co.lomashwood.product;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layering of DESIGN.md §3: thin controllers, data access behind use cases, features without cycles. */
@AnalyzeClasses(packages = "uk.co.lomashwood.product", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchSql = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("controllers parse, call a use case and map; data access stays behind the use cases");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("uk.co.lomashwood.product.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule catalogueVocabularyDependsOnNoFeature = noClasses()
            .that().resideInAPackage("uk.co.lomashwood.product.catalogue..")
            .should().dependOnClassesThat().resideInAnyPackage("..product.product..", "..product.taxonomy..",
                    "..product.inventory..", "..product.internal..", "..product.demo..", "..product.media..");
}
