package uk.co.lomashwood.notification;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layering of DESIGN.md §3: thin controllers, features without cycles, the channel model free of features. */
@AnalyzeClasses(packages = "uk.co.lomashwood.notification", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchSql = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("controllers parse, call a use case and map");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("uk.co.lomashwood.notification.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule messageModelDependsOnNoFeature = noClasses()
            .that().resideInAPackage("..notification.message..")
            .should().dependOnClassesThat().resideInAnyPackage("..notification.dispatch..", "..notification.channel..",
                    "..notification.consumer..", "..notification.admin..", "..notification.gate..");
}
