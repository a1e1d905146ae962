package uk.co.lomashwood.order.invoice;

import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * The parts of an invoice frozen when it is issued (jsonb columns; amounts in pence like every other column). The
 * API shows them in pounds through {@link InvoiceView}.
 */
public final class InvoiceSnapshot {

    private InvoiceSnapshot() {
    }

    /** billFrom: the company block from configuration. */
    public record Supplier(String name, String address, String vatNumber, String companyNumber) {
    }

    /** billTo: the customer with the order's billing address (an Address object of spec 20 §2.2). */
    public record Customer(String name, String email, String phone, JsonNode address) {
    }

    /**
     * One line: an order item, the delivery line, or a credit line. {@code netTotal} = unitPrice × quantity −
     * discount; {@code vatAmount} at {@code vatRate} percent.
     */
    public record Line(String kind, String description, String variantName, String colourName, String sku, int quantity,
                       long unitPrice, long discount, long netTotal, BigDecimal vatRate, long vatAmount) {
    }

    public record VatRate(BigDecimal rate, long net, long vat) {
    }

    /** How the money was taken (or, on a credit note, returned): masked card data only. */
    public record Payment(String method, String cardBrand, String cardLast4, String stripeChargeId, Instant paidAt,
                          long amount) {
    }
}
