package uk.co.lomashwood.order.invoice;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceIssuingTest extends InvoicingIntegrationTest {

    @Autowired
    Invoicing invoicing;
    @Autowired
    Invoices invoices;
    @Autowired
    InvoicePdfRenderer renderer;
    @Autowired
    ObjectStorage storage;
    @Autowired
    List<uk.co.lomashwood.platform.events.EventHandler> handlers;

    @Test
    void theRendererAndTheErasureAreSubscribedEventHandlers() {
        assertThat(handlers).anySatisfy(h -> assertThat(h.topics()).contains("order.invoice.generated"))
                .anySatisfy(h -> assertThat(h.topics()).contains("customer.user.erased"));
    }

    @Test
    void twentyOrdersPaidAtOnceGetTwentyConsecutiveInvoiceNumbersWithoutGapsOrDuplicates() throws Exception {
        List<PaidOrderBuilder.PaidOrder> orders = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            orders.add(order().create());
        }
        List<Callable<UUID>> issues = orders.stream()
                .<Callable<UUID>>map(o -> () -> inTransaction(() -> invoicing.issueInvoiceForPaidOrder(o.orderId()))).toList();
        List<String> numbers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(20)) {
            for (Future<UUID> issued : pool.invokeAll(issues)) {
                numbers.add(invoices.find(issued.get()).orElseThrow().invoiceNumber());
            }
        }

        int year = LocalDate.now(ZoneId.of("Europe/London")).getYear();
        assertThat(numbers).allMatch(n -> n.matches("INV-" + year + "-\\d{4,}")).doesNotHaveDuplicates();
        List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(9))).sorted().toList();
        assertThat(sequence.getLast() - sequence.getFirst()).isEqualTo(19);
    }

    @Test
    void issuingTwiceReturnsTheSameInvoiceAndAnnouncesItOnce() {
        var order = order().create();

        UUID first = inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()));
        UUID second = inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()));

        assertThat(second).isEqualTo(first);
        List<JsonNode> generated = events("order.invoice.generated", order.orderId());
        assertThat(generated).hasSize(1);
        assertThat(generated.getFirst().get("invoiceId").asString()).isEqualTo(first.toString());
        assertThat(generated.getFirst().get("type").asString()).isEqualTo("INVOICE");
        assertThat(generated.getFirst().get("totalAmount").decimalValue()).isEqualByComparingTo("359.94");
        assertThat(generated.getFirst().get("currency").asString()).isEqualTo("GBP");
    }

    @Test
    void theInvoiceSnapshotsTheOrderAsPaidWithTheCardAndTheVatPerRate() {
        Instant paidAt = Instant.parse("2026-03-10T14:15:00Z");
        var order = order().paidAt(paidAt).create();

        Invoice invoice = invoices.find(inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()))).orElseThrow();

        assertThat(invoice.status()).isEqualTo("PAID");
        assertThat(invoice.issuedAt()).isEqualTo(paidAt);
        assertThat(invoice.dueDate()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(invoice.paidAmount()).isEqualTo(PaidOrderBuilder.TOTAL);
        assertThat(invoice.totalAmount()).isEqualTo(PaidOrderBuilder.TOTAL);
        assertThat(invoice.lineItems()).extracting(InvoiceSnapshot.Line::description)
                .containsExactly(PaidOrderBuilder.DOOR, PaidOrderBuilder.HANDLE, "Delivery: Standard delivery");
        assertThat(invoice.vatBreakdown()).singleElement().satisfies(rate -> {
            assertThat(rate.net()).isEqualTo(29995);
            assertThat(rate.vat()).isEqualTo(5999);
        });
        assertThat(invoice.paymentSummary().cardBrand()).isEqualTo("visa");
        assertThat(invoice.paymentSummary().cardLast4()).isEqualTo("4242");
        assertThat(invoice.billFrom().vatNumber()).isEqualTo("GB 123 4567 89");
        assertThat(invoice.billTo().email()).isEqualTo("jane.customer@example.com");
    }

    @Test
    void anUnpaidOrderHasNoInvoice() {
        var order = order().unpaid().create();

        assertThatThrownBy(() -> inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId())))
                .hasMessageContaining("not been paid");
        assertThat(invoices.liveInvoiceId(order.orderId())).isEmpty();
    }

    @Test
    void theRendererStoresAPdfThatOpensAndShowsNumberVatNumberLinesAndTotals() throws Exception {
        var order = order().create();
        UUID invoiceId = inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()));
        EventEnvelope generated = envelopes("order.invoice.generated", order.orderId()).getFirst();

        inTransaction(() -> {
            renderer.handle(generated);
            return null;
        });

        Invoice invoice = invoices.find(invoiceId).orElseThrow();
        assertThat(invoice.pdfKey()).isEqualTo("invoices/" + invoice.invoiceNumber().substring(4, 8) + "/"
                + invoice.invoiceNumber() + ".pdf");
        assertThat(invoice.pdfGeneratedAt()).isNotNull();
        String text = pdfText(storage.get(invoice.pdfKey()).orElseThrow().content());
        assertThat(text).contains("VAT INVOICE", invoice.invoiceNumber(), "VAT registration no. GB 123 4567 89",
                "Company no. 09876543", "Lomash Wood Ltd", order.orderNumber(), PaidOrderBuilder.DOOR,
                PaidOrderBuilder.HANDLE, "SKU SHK-OAK-600", "Natural Oak", "Delivery: Standard delivery", "£290.00",
                "£9.95", "£59.99", "£359.94", "Visa ending 4242", "Jane Customer", "SW1A 2AA", "jane.customer@example.com",
                "Terms:");
    }

    static String pdfText(byte[] pdf) throws Exception {
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }
}
