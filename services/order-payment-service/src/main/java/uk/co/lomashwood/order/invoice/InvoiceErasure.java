package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import uk.co.lomashwood.platform.events.EventEnvelope;
import uk.co.lomashwood.platform.events.EventHandler;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * {@code customer.user.erased} (spec 20 §2.5): the customer's invoices and credit notes keep their numbers, dates
 * and figures for 7 years, but the name becomes "Deleted User", the email {@code deleted-{userId}@erased.invalid},
 * the phone goes, address names and lines become {@code [REDACTED]} and the postcode keeps its outward code. Stored
 * PDFs are rendered again from the pseudonymised snapshot.
 */
@Component
public class InvoiceErasure implements EventHandler {

    static final String REDACTED = "[REDACTED]";

    record Erased(UUID userId) {
    }

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final InvoiceDocuments documents;

    public InvoiceErasure(JdbcClient jdbc, ObjectMapper json, InvoiceDocuments documents) {
        this.jdbc = jdbc;
        this.json = json;
        this.documents = documents;
    }

    @Override
    public Set<String> topics() {
        return Set.of("customer.user.erased");
    }

    @Override
    public void handle(EventEnvelope event) {
        UUID userId = event.dataAs(Erased.class).userId();
        if (userId == null) {
            return;
        }
        record Row(UUID id, String billTo, String shipTo, boolean rendered) {
        }
        List<Row> rows = jdbc.sql("SELECT id, bill_to::text, ship_to::text, pdf_key IS NOT NULL FROM invoices WHERE user_id = ?")
                .param(userId).query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4))).list();
        for (Row row : rows) {
            ObjectNode billTo = (ObjectNode) json.readTree(row.billTo());
            billTo.put("name", "Deleted User");
            billTo.put("email", "deleted-" + userId + "@erased.invalid");
            billTo.putNull("phone");
            billTo.set("address", redact(billTo.get("address")));
            JsonNode shipTo = row.shipTo() == null ? null : redact(json.readTree(row.shipTo()));
            jdbc.sql("UPDATE invoices SET bill_to = CAST(? AS jsonb), ship_to = CAST(? AS jsonb), updated_at = now() WHERE id = ?")
                    .params(json.writeValueAsString(billTo), shipTo == null ? null : json.writeValueAsString(shipTo), row.id())
                    .update();
            if (row.rendered()) {
                documents.render(row.id());
            }
        }
    }

    private static JsonNode redact(JsonNode address) {
        if (address == null || !address.isObject()) {
            return address;
        }
        ObjectNode copy = ((ObjectNode) address).deepCopy();
        for (String field : List.of("fullName", "addressLine1", "addressLine2")) {
            if (copy.hasNonNull(field)) {
                copy.put(field, REDACTED);
            }
        }
        if (copy.has("phone")) {
            copy.putNull("phone");
        }
        if (copy.hasNonNull("postcode")) {
            copy.put("postcode", copy.get("postcode").asString().trim().split(" ")[0]);
        }
        return copy;
    }
}
