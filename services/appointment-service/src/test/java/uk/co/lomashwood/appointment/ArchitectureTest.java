package uk.co.lomashwood.appointment;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layering of DESIGN.md §3: thin controllers, features without cycles, the common package depends on no feature. */
@AnalyzeClasses(packages = "uk.co.lomashwood.appointment", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchSql = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
            .because("controllers parse, call a use case and map; data access stays behind the use cases");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("uk.co.lomashwood.appointment.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule commonDependsOnNoFeature = noClasses()
            .that().resideInAPackage("uk.co.lomashwood.appointment.common..")
            .should().dependOnClassesThat().resideInAnyPackage("..appointment.booking..", "..appointment.slot..",
                    "..appointment.consultant..", "..appointment.showroom..", "..appointment.reminder..",
                    "..appointment.demo..", "..appointment.type..");
}
