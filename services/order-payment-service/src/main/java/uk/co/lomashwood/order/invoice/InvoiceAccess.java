package uk.co.lomashwood.order.invoice;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.UUID;

/** Owner or ADMIN: anybody else sees 404, exactly as for a document that does not exist (spec 00 §3.9). */
@Component
class InvoiceAccess {

    private final Invoices invoices;
    private final JdbcClient jdbc;

    InvoiceAccess(Invoices invoices, JdbcClient jdbc) {
        this.invoices = invoices;
        this.jdbc = jdbc;
    }

    Invoice visible(UUID id, UserContext caller) {
        return invoices.find(id).filter(i -> canSee(i.userId(), caller)).orElseThrow(InvoiceAccess::notFound);
    }

    Invoice visibleAsAdmin(UUID id) {
        return invoices.find(id).orElseThrow(InvoiceAccess::notFound);
    }

    Invoice visibleByNumber(String number, UserContext caller) {
        return invoices.findByNumber(number).filter(i -> canSee(i.userId(), caller)).orElseThrow(InvoiceAccess::notFound);
    }

    /** The invoice and credit notes of an order the caller may see; 404 ORDER_NOT_FOUND otherwise. */
    List<Invoice> ofOrder(UUID orderId, UserContext caller) {
        jdbc.sql("SELECT user_id FROM orders WHERE id = ? AND deleted_at IS NULL").param(orderId)
                .query(UUID.class).optional().filter(userId -> canSee(userId, caller))
                .orElseThrow(() -> new ApiException(ErrorCode.ORDER_NOT_FOUND, "No such order."));
        return invoices.ofOrder(orderId);
    }

    private static boolean canSee(UUID owner, UserContext caller) {
        caller.requireUserId();
        return caller.hasRole(Role.ADMIN) || owner.equals(caller.userId());
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.INVOICE_NOT_FOUND, "No such invoice.");
    }
}
