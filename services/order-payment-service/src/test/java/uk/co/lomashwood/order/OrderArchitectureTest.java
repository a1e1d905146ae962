package uk.co.lomashwood.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Layering of DESIGN.md §3 for the order helper's features: thin controllers, features without cycles, and orders
 * never depending on payments, refunds, invoices, webhooks or Stripe (they reach payments only through the
 * {@code order.OrderPayments} port).
 */
@AnalyzeClasses(packages = "uk.co.lomashwood.order", importOptions = ImportOption.DoNotIncludeTests.class)
class OrderArchitectureTest {

    private static final String[] ORDER_FEATURES = {"..order.order..", "..order.checkout..", "..order.shipping..",
            "..order.coupon..", "..order.catalogue..", "..order.internal.."};

    @ArchTest
    static final ArchRule controllersDoNotTouchSql = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
            .because("controllers parse, call a use case and map; data access stays behind the use cases");

    @ArchTest
    static final ArchRule featuresAreFreeOfCycles = slices()
            .matching("uk.co.lomashwood.order.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule ordersDoNotDependOnPaymentFeatures = noClasses()
            .that().resideInAnyPackage(ORDER_FEATURES)
            .should().dependOnClassesThat().resideInAnyPackage("..order.payment..", "..order.refund..",
                    "..order.invoice..", "..order.webhook..", "..order.stripe..")
            .because("orders reach payments only through the OrderPayments port the payment feature implements");
}
