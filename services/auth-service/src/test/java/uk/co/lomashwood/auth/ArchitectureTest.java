package uk.co.lomashwood.auth;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import jakarta.persistence.Entity;
import org.springframework.data.repository.Repository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Layering of DESIGN.md §3: thin controllers, rules in the domain, features without cycles. */
@AnalyzeClasses(packages = "uk.co.lomashwood.auth", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule controllersDoNotTouchRepositoriesOrSql = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(Repository.class)
            .orShould().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("controllers parse, call a use case and map; data access stays behind the use cases");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("uk.co.lomashwood.auth.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule entitiesKnowNothingOfTheWeb = noClasses()
            .that().areAnnotatedWith(Entity.class)
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "jakarta.servlet..",
                    "uk.co.lomashwood.platform.web..");

    @ArchTest
    static final ArchRule supportDependsOnNoFeature = noClasses()
            .that().resideInAPackage("uk.co.lomashwood.auth.support..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "..auth.registration..", "..auth.verification..", "..auth.login..", "..auth.mfa..",
                    "..auth.session..", "..auth.token..", "..auth.password..", "..auth.user..", "..auth.admin..",
                    "..auth.internal..", "..auth.audit..", "..auth.demo..", "..auth.message..");
}
