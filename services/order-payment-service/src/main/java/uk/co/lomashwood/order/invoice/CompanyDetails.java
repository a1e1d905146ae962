package uk.co.lomashwood.order.invoice;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The supplier block of every invoice and credit note ({@code lomash.company.*}, spec 20 §2.4.10). */
@ConfigurationProperties("lomash.company")
public record CompanyDetails(String name, String address, String vatNumber, String companyNumber, String invoiceTerms) {

    static final String DEFAULT_TERMS = "Paid in full by card at checkout; no further payment is due. Goods remain covered by"
            + " your statutory rights. Refunds are issued to the original card and shown on a credit note. Please quote the"
            + " invoice number in any correspondence.";

    public CompanyDetails {
        name = orElse(name, "Lomash Wood Ltd");
        address = orElse(address, "");
        vatNumber = orElse(vatNumber, "");
        companyNumber = orElse(companyNumber, "");
        invoiceTerms = orElse(invoiceTerms, DEFAULT_TERMS);
    }

    InvoiceSnapshot.Supplier supplier() {
        return new InvoiceSnapshot.Supplier(name, address, vatNumber, companyNumber);
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
