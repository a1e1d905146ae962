package uk.co.lomashwood.order.invoice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.test.http.Reply;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceApiTest extends InvoicingIntegrationTest {

    @Autowired
    Invoicing invoicing;

    private record Issued(PaidOrderBuilder.PaidOrder order, UUID invoiceId) {
    }

    private Issued paidAndInvoiced() {
        var order = order().create();
        return new Issued(order, inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId())));
    }

    @Test
    void theOwnerDownloadsTheirInvoiceAsAPdfRenderedOnDemand() throws Exception {
        Issued issued = paidAndInvoiced();

        HttpResponse<byte[]> pdf = download("/v1/invoices/" + issued.invoiceId() + "/download", issued.order().userId(), "CUSTOMER");

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).contains(".pdf");
        assertThat(pdf.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        String text = InvoiceIssuingTest.pdfText(pdf.body());
        assertThat(text).contains(issued.order().orderNumber(), "£359.94");
    }

    @Test
    void anotherCustomerCannotSeeOrDownloadTheInvoice() throws Exception {
        Issued issued = paidAndInvoiced();
        UUID stranger = UUID.randomUUID();

        HttpResponse<byte[]> pdf = download("/v1/invoices/" + issued.invoiceId() + "/download", stranger, "CUSTOMER");
        Reply read = get("/v1/invoices/" + issued.invoiceId(), stranger, "CUSTOMER");
        Reply ofOrder = get("/v1/invoices/order/" + issued.order().orderId(), stranger, "CUSTOMER");

        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(new String(pdf.body())).contains("INVOICE_NOT_FOUND");
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.code()).isEqualTo("INVOICE_NOT_FOUND");
        assertThat(ofOrder.status()).isEqualTo(404);
        assertThat(ofOrder.code()).isEqualTo("ORDER_NOT_FOUND");
    }

    @Test
    void theInvoiceResourceShowsPoundsAndNeverThePdfKey() {
        Issued issued = paidAndInvoiced();

        Reply reply = get("/v1/invoices/" + issued.invoiceId(), issued.order().userId(), "CUSTOMER");

        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        JsonNode invoice = reply.data();
        assertThat(invoice.has("pdfKey")).isFalse();
        assertThat(reply.raw()).doesNotContain("invoices/");
        assertThat(invoice.get("invoiceNumber").asString()).startsWith("INV-");
        assertThat(invoice.get("orderNumber").asString()).isEqualTo(issued.order().orderNumber());
        assertThat(invoice.get("totalAmount").decimalValue()).isEqualByComparingTo("359.94");
        assertThat(invoice.get("currency").asString()).isEqualTo("GBP");
        assertThat(invoice.get("lineItems").get(0).get("unitPrice").decimalValue()).isEqualByComparingTo("120.00");
        assertThat(invoice.get("vatBreakdown").get(0).get("vat").decimalValue()).isEqualByComparingTo("59.99");
        assertThat(invoice.get("paymentSummary").get("cardLast4").asString()).isEqualTo("4242");
        assertThat(invoice.get("billFrom").get("companyNumber").asString()).isEqualTo("09876543");

        Reply byNumber = get("/v1/invoices/number/" + invoice.get("invoiceNumber").asString(), issued.order().userId(), "CUSTOMER");
        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byNumber.data().get("id").asString()).isEqualTo(issued.invoiceId().toString());
    }

    @Test
    void theHtmlFormatShowsTheSameDocumentEscaped() {
        Issued issued = paidAndInvoiced();

        Reply html = get("/v1/invoices/" + issued.invoiceId() + "/download?format=html", issued.order().userId(), "CUSTOMER");
        Reply odd = get("/v1/invoices/" + issued.invoiceId() + "/download?format=docx", issued.order().userId(), "CUSTOMER");

        assertThat(html.status()).isEqualTo(200);
        assertThat(html.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        assertThat(html.raw()).contains("VAT INVOICE", PaidOrderBuilder.DOOR, "£359.94", "GB 123 4567 89");
        assertThat(odd.status()).isEqualTo(400);
        assertThat(odd.code()).isEqualTo("VALIDATION_ERROR");
    }

    @Test
    void aVoidedInvoiceCannotBeDownloadedAndAPaidOneCannotBeVoided() {
        Issued issued = paidAndInvoiced();
        String path = "/v1/invoices/" + issued.invoiceId();

        Reply paidVoid = call("POST", path + "/void", body("reason", "Issued in error"), UUID.randomUUID(), "SUPER_ADMIN", Map.of());
        assertThat(paidVoid.status()).isEqualTo(409);
        assertThat(paidVoid.code()).isEqualTo("INVALID_STATUS_TRANSITION");
        Reply plainAdmin = asAdmin("POST", path + "/void", body("reason", "Issued in error"));
        assertThat(plainAdmin.status()).isEqualTo(403);

        jdbc.sql("UPDATE invoices SET status = 'ISSUED' WHERE id = ?").param(issued.invoiceId()).update();
        Reply voided = call("POST", path + "/void", body("reason", "Issued in error"), UUID.randomUUID(), "SUPER_ADMIN", Map.of());
        assertThat(voided.status()).as(voided.toString()).isEqualTo(200);
        assertThat(voided.data().get("status").asString()).isEqualTo("VOID");

        Reply download = get(path + "/download", issued.order().userId(), "CUSTOMER");
        assertThat(download.status()).isEqualTo(409);
        assertThat(download.code()).isEqualTo("INVOICE_VOIDED");
        Reply send = asAdmin("POST", path + "/send", null);
        assertThat(send.code()).isEqualTo("INVOICE_VOIDED");
    }

    @Test
    void generateBackfillsAMissingInvoiceOnceAndRefusesUnpaidOrders() {
        var order = order().create();
        var unpaid = order().unpaid().create();

        Reply created = asAdmin("POST", "/v1/invoices/generate", body("orderId", order.orderId()));
        Reply again = asAdmin("POST", "/v1/invoices/generate", body("orderId", order.orderId()));
        Reply notPaid = asAdmin("POST", "/v1/invoices/generate", body("orderId", unpaid.orderId()));
        Reply unknown = asAdmin("POST", "/v1/invoices/generate", body("orderId", UUID.randomUUID()));
        Reply customer = call("POST", "/v1/invoices/generate", body("orderId", order.orderId()), order.userId(), "CUSTOMER", Map.of());

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.data().get("id")).isEqualTo(created.data().get("id"));
        assertThat(notPaid.status()).isEqualTo(409);
        assertThat(notPaid.code()).isEqualTo("ORDER_NOT_PAID");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("ORDER_NOT_FOUND");
        assertThat(customer.status()).isEqualTo(403);
    }

    @Test
    void sendingQueuesTheInvoiceEmailEventForNotificationService() {
        Issued issued = paidAndInvoiced();

        Reply toCustomer = asAdmin("POST", "/v1/invoices/" + issued.invoiceId() + "/send", null);
        Reply toAccountant = asAdmin("POST", "/v1/invoices/" + issued.invoiceId() + "/send", body("email", "books@example.com"));
        Reply bad = asAdmin("POST", "/v1/invoices/" + issued.invoiceId() + "/send", body("email", "not-an-email"));

        assertThat(toCustomer.status()).isEqualTo(202);
        assertThat(toAccountant.status()).isEqualTo(202);
        assertThat(bad.status()).isEqualTo(400);
        var sent = events("order.invoice.sent", issued.order().orderId());
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).get("email").asString()).isEqualTo("jane.customer@example.com");
        assertThat(sent.get(1).get("email").asString()).isEqualTo("books@example.com");
        assertThat(sent.get(0).get("invoiceNumber").asString()).startsWith("INV-");
        assertThat(sent.get(0).get("userId").asString()).isEqualTo(issued.order().userId().toString());
        assertThat(sent.get(0).get("orderId").asString()).isEqualTo(issued.order().orderId().toString());
        assertThat(get("/v1/invoices/" + issued.invoiceId(), issued.order().userId(), "CUSTOMER").data().get("sentAt").isNull())
                .isFalse();
    }

    @Test
    void adminsFilterTheInvoiceTable() {
        Issued issued = paidAndInvoiced();

        Reply byOrder = asAdmin("GET", "/v1/invoices?orderId=" + issued.order().orderId() + "&type=INVOICE&status=PAID,ISSUED", null);
        Reply badStatus = asAdmin("GET", "/v1/invoices?status=LOST", null);
        Reply badSort = asAdmin("GET", "/v1/invoices?sort=-colour", null);
        Reply customer = get("/v1/invoices", issued.order().userId(), "CUSTOMER");
        Reply sorted = asAdmin("GET", "/v1/invoices?sort=-totalAmount&limit=5&minAmount=359.94&maxAmount=359.94", null);

        assertThat(byOrder.status()).as(byOrder.toString()).isEqualTo(200);
        assertThat(byOrder.data()).hasSize(1);
        assertThat(byOrder.json().get("pagination").get("total").asInt()).isEqualTo(1);
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badSort.status()).isEqualTo(400);
        assertThat(customer.status()).isEqualTo(403);
        assertThat(sorted.status()).isEqualTo(200);
        assertThat(sorted.data().valueStream().map(i -> i.get("totalAmount").decimalValue().setScale(2).toPlainString()))
                .allMatch("359.94"::equals);
    }

    @Test
    void statisticsSumWhatWasInvoicedAndTheVatByPeriod() {
        var first = order().paidAt(java.time.Instant.parse("2025-02-14T10:00:00Z")).create();
        var second = order().paidAt(java.time.Instant.parse("2025-02-14T23:30:00Z")).create();
        inTransaction(() -> invoicing.issueInvoiceForPaidOrder(first.orderId()));
        inTransaction(() -> invoicing.issueInvoiceForPaidOrder(second.orderId()));

        Reply stats = asAdmin("GET", "/v1/invoices/statistics?fromDate=2025-02-14&toDate=2025-02-15&groupBy=day", null);
        Reply badGroup = asAdmin("GET", "/v1/invoices/statistics?groupBy=fortnight", null);
        Reply customer = get("/v1/invoices/statistics", first.userId(), "CUSTOMER");

        assertThat(stats.status()).as(stats.toString()).isEqualTo(200);
        assertThat(stats.data().get("invoiced").decimalValue()).isEqualByComparingTo("719.88");
        assertThat(stats.data().get("vatCollected").decimalValue()).isEqualByComparingTo("119.98");
        assertThat(stats.data().get("creditNotes").decimalValue()).isEqualByComparingTo("0.00");
        assertThat(stats.data().get("count").asInt()).isEqualTo(2);
        assertThat(stats.data().get("byPeriod")).singleElement()
                .satisfies(p -> assertThat(p.get("period").asString()).isEqualTo("2025-02-14"));
        assertThat(badGroup.status()).isEqualTo(400);
        assertThat(customer.status()).isEqualTo(403);
    }
}
