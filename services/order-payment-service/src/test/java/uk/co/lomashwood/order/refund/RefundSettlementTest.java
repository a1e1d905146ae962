package uk.co.lomashwood.order.refund;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import uk.co.lomashwood.order.invoice.Invoice;
import uk.co.lomashwood.order.invoice.InvoiceDocuments;
import uk.co.lomashwood.order.invoice.Invoices;
import uk.co.lomashwood.order.invoice.Invoicing;
import uk.co.lomashwood.order.invoice.InvoicingIntegrationTest;
import uk.co.lomashwood.order.stripe.PaymentGateway;
import uk.co.lomashwood.platform.test.http.Reply;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class RefundSettlementTest extends InvoicingIntegrationTest {

    @Autowired
    FakePaymentGateway gateway;
    @Autowired
    RefundSettlement settlement;
    @Autowired
    SystemRefunds systemRefunds;
    @Autowired
    Invoicing invoicing;
    @Autowired
    Invoices invoices;
    @Autowired
    InvoiceDocuments documents;
    @Autowired
    ObjectStorage storage;
    @Autowired
    PendingRefunds pendingRefunds;

    @BeforeEach
    void providerAnswersPending() {
        gateway.nextRefunds(FakePaymentGateway.Outcome.PENDING);
    }

    private UUID pendingRefund(UUID orderId, String amount) {
        Reply reply = call("POST", "/v1/refunds", body("orderId", orderId, "amount", new java.math.BigDecimal(amount),
                        "reason", "PRODUCT_DAMAGED"), UUID.randomUUID(), "ADMIN",
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
        assertThat(reply.data().get("status").asString()).isEqualTo("PROCESSING");
        return UUID.fromString(reply.data().get("id").asString());
    }

    private PaymentGateway.Refund providerSays(UUID refundId, String status) {
        PaymentGateway.Refund pending = gateway.refundCalls.stream()
                .filter(c -> c.metadata().get("refundId").equals(refundId.toString())).findFirst()
                .map(c -> gateway.createRefund(c)).orElseThrow();
        return new PaymentGateway.Refund(pending.id(), pending.paymentIntentId(), pending.chargeId(), pending.amount(), "gbp",
                status, status.equals("failed") ? "expired_or_canceled_card" : null, pending.metadata());
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }

    @Test
    void aSettlementDeliveredTwiceAndConcurrentlyIssuesOneCreditNoteAndOneEvent() throws Exception {
        var order = order().create();
        UUID refundId = pendingRefund(order.orderId(), "120.00");
        PaymentGateway.Refund succeeded = providerSays(refundId, "succeeded");

        List<Callable<Void>> deliveries = List.of(1, 2, 3, 4).stream().<Callable<Void>>map(i -> () -> inTransaction(() -> {
            settlement.apply(succeeded, "evt_" + i);
            return null;
        })).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (Future<Void> delivery : pool.invokeAll(deliveries)) {
                delivery.get();
            }
        }
        inTransaction(() -> {
            settlement.apply(succeeded, "evt_5");
            return null;
        });

        assertThat(count("SELECT count(*) FROM invoices WHERE refund_id = ?", refundId)).isEqualTo(1);
        assertThat(events("order.payment.refund_issued", order.orderId())).hasSize(1);
        assertThat(count("SELECT amount_refunded FROM orders WHERE id = ?", order.orderId())).isEqualTo(12000);
        assertThat(count("SELECT amount_refunded FROM payments WHERE id = ?", order.paymentId())).isEqualTo(12000);
    }

    @Test
    void theCreditNoteReferencesTheOriginalInvoiceWithTheRefundedNetVatAndGross() throws Exception {
        var order = order().create();
        UUID invoiceId = inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()));
        UUID refundId = pendingRefund(order.orderId(), "120.00");

        inTransaction(() -> {
            settlement.apply(providerSays(refundId, "succeeded"), "evt_cn");
            return null;
        });

        Invoice original = invoices.find(invoiceId).orElseThrow();
        List<Invoice> documentsOfOrder = invoices.ofOrder(order.orderId());
        assertThat(documentsOfOrder).hasSize(2);
        Invoice note = documentsOfOrder.get(1);
        assertThat(note.type()).isEqualTo("CREDIT_NOTE");
        assertThat(note.invoiceNumber()).matches("CN-\\d{4}-\\d{4,}");
        assertThat(note.originalInvoiceId()).isEqualTo(invoiceId);
        assertThat(note.refundId()).isEqualTo(refundId);
        assertThat(note.totalAmount()).isEqualTo(12000);
        assertThat(note.taxAmount()).isEqualTo(2000);
        assertThat(note.subtotal()).isEqualTo(10000);
        assertThat(note.vatBreakdown()).singleElement().satisfies(rate -> {
            assertThat(rate.net()).isEqualTo(10000);
            assertThat(rate.vat()).isEqualTo(2000);
        });
        var generated = events("order.invoice.generated", order.orderId());
        assertThat(generated).extracting(e -> e.get("type").asString()).containsExactly("INVOICE", "CREDIT_NOTE");

        String text;
        try (PDDocument pdf = Loader.loadPDF(storage.get(documents.render(note.id()).pdfKey()).orElseThrow().content())) {
            text = new PDFTextStripper().getText(pdf);
        }
        assertThat(text).contains("CREDIT NOTE", note.invoiceNumber(), "Credit against invoice " + original.invoiceNumber(),
                "£100.00", "£20.00", "£120.00", "GB 123 4567 89");

        Reply forCustomer = get("/v1/invoices/order/" + order.orderId(), order.userId(), "CUSTOMER");
        assertThat(forCustomer.data()).hasSize(2);
        assertThat(forCustomer.data().get(1).get("originalInvoiceNumber").asString()).isEqualTo(original.invoiceNumber());
    }

    @Test
    void anOlderStatusArrivingAfterSuccessChangesNothing() {
        var order = order().create();
        UUID refundId = pendingRefund(order.orderId(), "50.00");

        inTransaction(() -> {
            settlement.apply(providerSays(refundId, "succeeded"), "evt_a");
            settlement.apply(providerSays(refundId, "pending"), "evt_b");
            settlement.apply(providerSays(refundId, "failed"), "evt_c");
            return null;
        });

        assertThat(jdbc.sql("SELECT status FROM refunds WHERE id = ?").param(refundId).query(String.class).single())
                .isEqualTo("SUCCEEDED");
        assertThat(events("order.payment.refund_failed", order.orderId())).isEmpty();
    }

    @Test
    void aFailedRefundIsAnnouncedOnceAndFreesTheAmount() {
        var order = order().create();
        UUID refundId = pendingRefund(order.orderId(), "359.94");

        inTransaction(() -> {
            settlement.apply(providerSays(refundId, "failed"), "evt_f1");
            settlement.apply(providerSays(refundId, "failed"), "evt_f2");
            return null;
        });

        assertThat(events("order.payment.refund_failed", order.orderId())).singleElement()
                .satisfies(e -> assertThat(e.get("failureReason").asString()).isEqualTo("expired_or_canceled_card"));
        Reply eligibility = asAdmin("GET", "/v1/refunds/by-order/" + order.orderId() + "/eligibility", null);
        assertThat(eligibility.data().get("eligible").asBoolean()).isTrue();
        assertThat(eligibility.data().get("maxRefundableAmount").decimalValue()).isEqualByComparingTo("359.94");
    }

    @Test
    void aRefundMadeInTheStripeDashboardIsRecordedAsAdminOther() {
        var order = order().create();
        var dashboard = new PaymentGateway.Refund("re_dashboard" + UUID.randomUUID().toString().substring(0, 8),
                order.paymentIntentId(), null, 5000, "gbp", "succeeded", null, Map.of());

        inTransaction(() -> {
            settlement.apply(dashboard, "evt_dash");
            settlement.apply(dashboard, "evt_dash_again");
            return null;
        });

        var refunds = jdbc.sql("SELECT initiator || '/' || reason || '/' || status || '/' || amount FROM refunds WHERE order_id = ?")
                .param(order.orderId()).query(String.class).list();
        assertThat(refunds).containsExactly("ADMIN/OTHER/SUCCEEDED/5000");
        assertThat(events("order.payment.refund_issued", order.orderId())).hasSize(1);
        assertThat(jdbc.sql("SELECT payment_status FROM orders WHERE id = ?").param(order.orderId()).query(String.class).single())
                .isEqualTo("PARTIALLY_REFUNDED");
    }

    @Test
    void aSystemRefundOfACancelledOrderGoesToStripeAfterCommitWithoutAWindow() {
        gateway.nextRefunds(FakePaymentGateway.Outcome.SUCCEEDED);
        var order = order().paidAt(Instant.now().minus(Duration.ofDays(200))).create();

        UUID refundId = inTransaction(() -> {
            jdbc.sql("UPDATE orders SET status = 'CANCELLED' WHERE id = ?").param(order.orderId()).update();
            UUID id = systemRefunds.refundRemaining(order.orderId(), "ORDER_CANCELLED").orElseThrow();
            assertThat(gateway.refundCalls.stream().filter(c -> c.metadata().get("refundId").equals(id.toString()))).isEmpty();
            return id;
        });

        assertThat(jdbc.sql("SELECT initiator || '/' || requested_by || '/' || status || '/' || type FROM refunds WHERE id = ?")
                .param(refundId).query(String.class).single()).isEqualTo("SYSTEM/system/SUCCEEDED/FULL");
        assertThat(jdbc.sql("SELECT status || '/' || payment_status FROM orders WHERE id = ?").param(order.orderId())
                .query(String.class).single()).isEqualTo("CANCELLED/REFUNDED");
        assertThat(inTransaction(() -> systemRefunds.refundRemaining(order.orderId(), "ORDER_CANCELLED"))).isEmpty();
    }

    @Test
    void aSystemRefundRolledBackWithItsCallerNeverReachesStripe() {
        var order = order().create();
        int callsBefore = gateway.refundCalls.size();

        try {
            inTransaction(() -> {
                systemRefunds.refundRemaining(order.orderId(), "INVENTORY_UNAVAILABLE");
                throw new IllegalStateException("cancellation failed");
            });
        } catch (IllegalStateException expected) {
            // the caller's transaction rolled back
        }

        assertThat(gateway.refundCalls).hasSize(callsBefore);
        assertThat(count("SELECT count(*) FROM refunds WHERE order_id = ?", order.orderId())).isZero();
    }

    @Test
    void onlyAPendingRefundCanBeCancelled() {
        var order = order().create();
        UUID processing = pendingRefund(order.orderId(), "10.00");
        UUID pending = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO refunds (id, order_id, payment_id, amount, type, reason, status, initiator, requested_by)
                        VALUES (?, ?, ?, 500, 'PARTIAL', 'GOODWILL', 'PENDING', 'ADMIN', 'someone')""")
                .params(pending, order.orderId(), order.paymentId()).update();

        Reply cancelled = asAdmin("POST", "/v1/refunds/" + pending + "/cancel", null);
        Reply refused = asAdmin("POST", "/v1/refunds/" + processing + "/cancel", null);
        Reply unknown = asAdmin("POST", "/v1/refunds/" + UUID.randomUUID() + "/cancel", null);

        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
        assertThat(cancelled.data().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("REFUND_NOT_FOUND");
    }

    @Test
    void aRefundWhoseSubmissionWasLostIsSentAgainByTheJob() {
        gateway.nextRefunds(FakePaymentGateway.Outcome.SUCCEEDED);
        var order = order().create();
        UUID lost = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO refunds (id, order_id, payment_id, amount, type, reason, status, initiator, requested_by, created_at)
                        VALUES (?, ?, ?, 35994, 'FULL', 'ORDER_CANCELLED', 'PENDING', 'SYSTEM', 'system', now() - interval '10 minutes')""")
                .params(lost, order.orderId(), order.paymentId()).update();

        assertThat(pendingRefunds.resubmit()).isGreaterThanOrEqualTo(1);

        assertThat(jdbc.sql("SELECT status FROM refunds WHERE id = ?").param(lost).query(String.class).single())
                .isEqualTo("SUCCEEDED");
        assertThat(gateway.refundCalls.getLast().idempotencyKey()).isEqualTo("refund:" + lost);
        assertThat(pendingRefunds.resubmit()).isZero();
    }

    @Test
    void newsOfTheStripeRefundARetrySupersededDoesNotTouchTheRetriedRefund() {
        var order = order().create();
        UUID refundId = pendingRefund(order.orderId(), "40.00");
        PaymentGateway.Refund firstFailed = providerSays(refundId, "failed");
        inTransaction(() -> {
            settlement.apply(firstFailed, "evt_first_failed");
            return null;
        });

        Reply retried = asAdmin("POST", "/v1/refunds/" + refundId + "/retry", null);
        assertThat(retried.status()).as(retried.toString()).isEqualTo(200);
        String secondId = retried.data().get("stripeRefundId").asString();
        assertThat(secondId).isNotEqualTo(firstFailed.id());
        inTransaction(() -> {
            settlement.apply(firstFailed, "evt_first_failed_again");
            return null;
        });
        assertThat(jdbc.sql("SELECT status FROM refunds WHERE id = ?").param(refundId).query(String.class).single())
                .isEqualTo("PROCESSING");

        PaymentGateway.Refund second = gateway.retrieveRefund(secondId);
        inTransaction(() -> {
            settlement.apply(new PaymentGateway.Refund(second.id(), second.paymentIntentId(), second.chargeId(), second.amount(),
                    "gbp", "succeeded", null, second.metadata()), "evt_second_succeeded");
            return null;
        });
        assertThat(jdbc.sql("SELECT status FROM refunds WHERE id = ?").param(refundId).query(String.class).single())
                .isEqualTo("SUCCEEDED");
        assertThat(events("order.payment.refund_failed", order.orderId())).hasSize(1);
    }
}
