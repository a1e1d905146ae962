package uk.co.lomashwood.order.refund;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.co.lomashwood.order.invoice.PaidOrderBuilder;
import uk.co.lomashwood.order.order.OrderPayments;
import uk.co.lomashwood.platform.test.PlatformTestProperties;
import uk.co.lomashwood.platform.test.http.HttpCalls;
import uk.co.lomashwood.platform.test.http.Reply;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole money path against the real offline provider, no fakes, with invoice PDFs in S3 (a WireMock server
 * speaking S3's REST API): the customer pays through the offline Stripe.js step, the signed webhook confirms the order
 * and the invoice is issued; the download is a redirect to a presigned S3 URL; an admin refund goes to the provider,
 * which settles it and delivers the webhooks that complete it with a credit note.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "lomash.events.consumer.enabled=false",
        "lomash.events.relay.enabled=false",
        "lomash.order.jobs-enabled=false",
        "lomash.demo.seed=false",
        "lomash.data-dir=target/invoice-offline-it-data",
        "lomash.stripe.offline-refund-settle-delay=300ms",
        "lomash.stripe.offline-webhook-url=http://127.0.0.1:${local.server.port}/v1/webhooks/stripe"})
class OfflineRefundJourneyTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrderPayments orderPayments;

    private static final WireMockServer S3 = new WireMockServer(options().dynamicPort());

    @DynamicPropertySource
    static void platform(DynamicPropertyRegistry registry) {
        PlatformTestProperties.register(registry, "order_invoice_offline_it");
        S3.start();
        S3.stubFor(put(urlPathMatching("/lomash-private/invoices/.*"))
                .willReturn(aResponse().withStatus(200).withHeader("ETag", "\"9b2cf535f27731c974343645a3985328\"")));
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "test-secret");
        registry.add("lomash.media.s3.bucket", () -> "lomash-private");
        registry.add("lomash.media.aws-region", () -> "eu-west-2");
        registry.add("lomash.media.aws-endpoint", () -> "http://127.0.0.1:" + S3.port());
    }

    @AfterAll
    static void stopS3() {
        S3.stop();
    }

    @Test
    void aPaidOrderIsInvoicedAndARefundThroughTheOfflineProviderEndsWithACreditNote() throws Exception {
        var order = new PaidOrderBuilder(jdbc).awaitingPayment().create();
        OrderPayments.PaymentStart start = orderPayments.startFirstAttempt(order.orderId());

        Reply paid = call("POST", "/v1/payments/offline/confirm", Map.of("paymentIntentId", start.paymentIntentId(),
                "clientSecret", start.clientSecret(), "paymentMethod", "pm_card_visa"), order.userId(), "CUSTOMER", Map.of());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        await(() -> text("SELECT payment_status FROM orders WHERE id = ?", order.orderId()).equals("PAID")
                && count("SELECT count(*) FROM invoices WHERE order_id = ? AND type = 'INVOICE'", order.orderId()) == 1);

        Reply invoices = call("GET", "/v1/invoices/order/" + order.orderId(), null, order.userId(), "CUSTOMER", Map.of());
        assertThat(invoices.data()).hasSize(1);
        assertThat(invoices.data().get(0).get("paymentSummary").get("cardLast4").asString()).isEqualTo("4242");
        assertThat(invoices.data().get(0).get("totalAmount").decimalValue()).isEqualByComparingTo("359.94");

        String invoiceNumber = invoices.data().get(0).get("invoiceNumber").asString();
        Reply download = call("GET", "/v1/invoices/" + invoices.data().get(0).get("id").asString() + "/download", null,
                order.userId(), "CUSTOMER", Map.of());
        assertThat(download.status()).isEqualTo(302);
        assertThat(download.header("Location")).startsWith("http://127.0.0.1:" + S3.port() + "/lomash-private/invoices/"
                + invoiceNumber.substring(4, 8) + "/" + invoiceNumber + ".pdf?").contains("X-Amz-Expires=300")
                .contains("X-Amz-Signature=");
        S3.verify(putRequestedFor(urlPathEqualTo("/lomash-private/invoices/" + invoiceNumber.substring(4, 8) + "/"
                + invoiceNumber + ".pdf")).withHeader("Content-Type", equalTo("application/pdf"))
                .withRequestBody(containing("%PDF-")));

        Reply refund = call("POST", "/v1/refunds", Map.of("orderId", order.orderId(), "amount", 100.00,
                "reason", "PRODUCT_DAMAGED"), UUID.randomUUID(), "ADMIN", Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        UUID refundId = UUID.fromString(refund.data().get("id").asString());
        assertThat(refund.data().get("stripeRefundId").asString()).startsWith("re_");

        await(() -> text("SELECT status FROM refunds WHERE id = ?", refundId).equals("SUCCEEDED")
                && count("SELECT count(*) FROM invoices WHERE refund_id = ?", refundId) == 1);
        assertThat(text("SELECT status || '/' || payment_status || '/' || amount_refunded FROM orders WHERE id = ?",
                order.orderId())).isEqualTo("CONFIRMED/PARTIALLY_REFUNDED/10000");
        Thread.sleep(1500);
        assertThat(count("SELECT count(*) FROM outbox WHERE topic = 'order.payment.refund_issued' AND aggregate_id = ?",
                order.orderId().toString())).isEqualTo(1);
        Reply documents = call("GET", "/v1/invoices/order/" + order.orderId(), null, order.userId(), "CUSTOMER", Map.of());
        assertThat(documents.data()).hasSize(2);
        assertThat(documents.data().get(1).get("type").asString()).isEqualTo("CREDIT_NOTE");
        assertThat(documents.data().get(1).get("totalAmount").decimalValue()).isEqualByComparingTo("100.00");
    }

    private Reply call(String method, String path, Object body, UUID userId, String role, Map<String, String> extra) {
        Map<String, String> headers = new java.util.LinkedHashMap<>(Map.of("X-Internal-Token", PlatformTestProperties.INTERNAL_TOKEN,
                "X-User-Id", userId.toString(), "X-User-Role", role));
        headers.putAll(extra);
        return HttpCalls.send("http://127.0.0.1:" + port + path, headers, method, body);
    }

    private String text(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(String.class).optional().orElse("");
    }

    private long count(String sql, Object id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 30 s").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}
