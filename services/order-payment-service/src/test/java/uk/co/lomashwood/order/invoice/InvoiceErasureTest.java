package uk.co.lomashwood.order.invoice;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.web.storage.ObjectStorage;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class InvoiceErasureTest extends InvoicingIntegrationTest {

    @Autowired
    Invoicing invoicing;
    @Autowired
    Invoices invoices;
    @Autowired
    InvoiceDocuments documents;
    @Autowired
    InvoiceErasure erasure;
    @Autowired
    ObjectStorage storage;

    @Test
    void anErasedCustomersInvoicesKeepTheirFiguresButLoseNameContactAndStreetAddress() throws Exception {
        var order = order().create();
        UUID invoiceId = inTransaction(() -> invoicing.issueInvoiceForPaidOrder(order.orderId()));
        documents.render(invoiceId);
        EventEnvelope erased = new EventEnvelope(Uuids.v7(), "customer.user.erased", EventEnvelope.CURRENT_VERSION, Instant.now(), "customer-service",
                UUID.randomUUID().toString(), null, Map.of(), JsonMapper.shared().valueToTree(Map.of("userId", order.userId())));

        inTransaction(() -> {
            erasure.handle(erased);
            return null;
        });

        Invoice invoice = invoices.find(invoiceId).orElseThrow();
        assertThat(invoice.billTo().name()).isEqualTo("Deleted User");
        assertThat(invoice.billTo().email()).isEqualTo("deleted-" + order.userId() + "@erased.invalid");
        assertThat(invoice.billTo().phone()).isNull();
        assertThat(invoice.billTo().address().get("addressLine1").asString()).isEqualTo("[REDACTED]");
        assertThat(invoice.billTo().address().get("postcode").asString()).isEqualTo("SW1A");
        assertThat(invoice.shipTo().get("fullName").asString()).isEqualTo("[REDACTED]");
        assertThat(invoice.totalAmount()).isEqualTo(PaidOrderBuilder.TOTAL);
        String text = InvoiceIssuingTest.pdfText(storage.get(invoice.pdfKey()).orElseThrow().content());
        assertThat(text).contains(invoice.invoiceNumber(), "Deleted User", "£359.94")
                .doesNotContain("Jane Customer", "Downing Street", "jane.customer@example.com");
    }
}
