package uk.co.lomashwood.notification.consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.notification.support.Events;
import uk.co.lomashwood.notification.support.NotificationIntegrationTest;
import uk.co.lomashwood.notification.support.ProviderStubs;
import uk.co.lomashwood.platform.events.transport.EventTransport;
import uk.co.lomashwood.platform.test.mail.Mailbox;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Stock and price alerts, analytics export and system alerts to staff; the payment-receipt SMS under preferences and quiet hours. */
class OpsAndReceiptNotificationsIT extends NotificationIntegrationTest {

    private static final String OPS = "ops@lomashwood.co.uk";

    @Autowired
    private EventTransport bus;

    @BeforeEach
    void twilioAccepts() {
        ProviderStubs.server().stubFor(post(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .willReturn(ProviderStubs.json(201, ProviderStubs.twilioMessage("SM" + "2".repeat(32), "+447700900123"))));
    }

    private List<Mailbox.Mail> opsMail(String mention) {
        return await(() -> Mailbox.to(OPS).stream().filter(m -> m.text().contains(mention)).toList(),
                list -> !list.isEmpty());
    }

    private Map<String, Object> lowStock(String productId, String sku, int available, String level) {
        // the payload of product-service's StockAlerts
        return body("productId", productId, "variantId", null, "sku", sku, "productTitle", "Shaker oak wall unit",
                "availableQuantity", available, "threshold", 10, "level", level);
    }

    @Test
    void lowAndOutOfStockAlertTheOpsInbox() {
        String productId = UUID.randomUUID().toString();
        String sku = "SHK-" + UUID.randomUUID().toString().substring(0, 6);
        bus.publish(Events.envelope("product.inventory.low", "product-service", lowStock(productId, sku, 4, "LOW_STOCK")));
        Mailbox.Mail low = opsMail(sku).getFirst();
        assertThat(low.subject()).isEqualTo("Low stock: Shaker oak wall unit (" + sku + ")");
        assertThat(low.text()).contains("4 available; the alert threshold is 10.", "/admin/products/" + productId + "/inventory");

        bus.publish(Events.envelope("product.inventory.low", "product-service", lowStock(productId, sku, 0, "OUT_OF_STOCK")));
        List<Mailbox.Mail> both = await(() -> Mailbox.to(OPS).stream().filter(m -> m.text().contains(sku)).toList(),
                list -> list.size() == 2);
        assertThat(both).extracting(Mailbox.Mail::subject)
                .contains("Out of stock: Shaker oak wall unit (" + sku + ")");
    }

    @Test
    void onlyASignificantPriceChangeAlertsTheOpsInbox() {
        String quiet = UUID.randomUUID().toString();
        String loud = UUID.randomUUID().toString();
        for (String productId : List.of(quiet, loud)) {
            boolean significant = productId.equals(loud);
            bus.publish(Events.envelope("product.price.changed", "product-service", body("productId", productId,
                    "variantId", null, "pricingRuleId", null, "previousPrice", 1000.0,
                    "newPrice", significant ? 1150.0 : 1020.0, "currency", "GBP",
                    "changePercentage", significant ? 15.0 : 2.0, "isSignificant", significant, "priceType", "BASE",
                    "effectiveFrom", "2026-11-25T10:00:00Z", "changedBy", "admin-42")));
        }
        Mailbox.Mail alert = opsMail(loud).getFirst();
        assertThat(alert.subject()).isEqualTo("Significant price change on product " + loud);
        assertThat(alert.text()).contains("from £1,000.00 to £1,150.00 (+15%)", "Changed by admin-42");
        assertThat(Mailbox.to(OPS)).noneMatch(m -> m.text().contains(quiet));
    }

    private UUID customerWithPhone(String phone) {
        return signedUp(bus, unique("receipt"), "Sam", phone, "CUSTOMER");
    }

    private void paid(UUID userId, String orderNumber) {
        bus.publish(Events.envelope("order.payment.succeeded", "order-payment-service", body(
                "paymentId", "pay_" + orderNumber, "orderId", UUID.randomUUID().toString(), "orderNumber", orderNumber,
                "userId", userId.toString(), "stripePaymentIntentId", "pi_1", "stripeChargeId", "ch_1",
                "amount", 2499.0, "currency", "GBP", "method", "card", "cardBrand", "visa", "cardLast4", "4242",
                "receiptUrl", "https://pay.stripe.test/r", "invoiceId", null, "paidAt", "2026-11-25T10:00:00Z")));
    }

    private String smsOutcome(UUID userId) {
        return await(() -> jdbc.sql("SELECT status || '/' || COALESCE(status_reason, '-') FROM notifications"
                        + " WHERE recipient_id = ? AND template_slug = 'payment-receipt-sms'").param(userId)
                .query(String.class).list(), list -> !list.isEmpty()).getFirst();
    }

    @Test
    void thePaymentReceiptSmsNeedsTheOrderUpdatesOptInAndWaitsOutQuietHours() {
        String phone = uniquePhone();
        UUID optedIn = customerWithPhone(phone);
        assertThat(api().as(optedIn, "CUSTOMER").patch("/v1/notifications/me/preferences",
                body("sms", body("orderUpdates", true))).status()).isEqualTo(200);
        paid(optedIn, "LW-P-1");
        var sms = await(() -> ProviderStubs.server().findAll(postRequestedFor(urlEqualTo(ProviderStubs.MESSAGES_PATH))
                .withRequestBody(containing(phone.substring(1)))), list -> !list.isEmpty());
        assertThat(java.net.URLDecoder.decode(sms.getFirst().getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("Lomash Wood: payment of £2,499.00 received for order LW-P-1. Ref pay_LW-P-1");

        UUID byDefault = customerWithPhone(uniquePhone());
        paid(byDefault, "LW-P-2");
        assertThat(smsOutcome(byDefault)).isEqualTo("SUPPRESSED/PREFERENCE_OPT_OUT");

        UUID sleeping = customerWithPhone(uniquePhone());
        LocalTime now = LocalTime.now(ZoneId.of("Europe/London"));
        DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
        assertThat(api().as(sleeping, "CUSTOMER").patch("/v1/notifications/me/preferences", body(
                "sms", body("orderUpdates", true), "quietHours", body("enabled", true,
                        "start", now.minusHours(1).format(hhmm), "end", now.plusHours(1).format(hhmm)))).status())
                .isEqualTo(200);
        paid(sleeping, "LW-P-3");
        assertThat(smsOutcome(sleeping)).isEqualTo("SCHEDULED/-");
        assertThat(jdbc.sql("SELECT message FROM notification_logs l JOIN notifications n ON n.id = l.notification_id"
                + " WHERE n.recipient_id = ? AND n.template_slug = 'payment-receipt-sms' AND l.event = 'SCHEDULED'")
                .param(sleeping).query(String.class).single()).isEqualTo("QUIET_HOURS");
    }

    @Test
    void anAnalyticsExportIsAnnouncedToTheAdminWhoAskedAndAlertsGoToOps() {
        String email = unique("analyst");
        UUID admin = signedUp(bus, email, "Tess", null, "ADMIN");
        String exportId = UUID.randomUUID().toString();
        bus.publish(Events.envelope("analytics.report.generated", "analytics-service", body("exportId", exportId,
                "reportType", "ORDERS", "format", "CSV", "rowCount", 1204, "expiresAt", "2026-11-26T10:00:00Z",
                "requestedBy", admin.toString())));
        Mailbox.Mail ready = Mailbox.latestTo(email);
        assertThat(ready.subject()).isEqualTo("Your Orders export is ready");
        assertThat(ready.text()).contains("Hello Tess,", "CSV, 1204 rows", "26 November 2026 at 10:00",
                "/admin/analytics/exports/" + exportId).doesNotContain("X-Amz");

        String marker = "ingest drop " + UUID.randomUUID();
        bus.publish(Events.envelope("analytics.alert.triggered", "analytics-service", body("alertType", "INGEST_DROP_RATE",
                "message", marker, "value", 0.12, "threshold", 0.05, "detectedAt", "2026-11-25T10:00:00Z")));
        Mailbox.Mail alert = opsMail(marker).getFirst();
        assertThat(alert.subject()).isEqualTo("System alert: Ingest drop rate");
        assertThat(alert.text()).contains("Value 0.12, threshold 0.05");
    }
}
