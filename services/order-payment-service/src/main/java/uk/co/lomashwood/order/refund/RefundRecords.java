package uk.co.lomashwood.order.refund;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.time.Clock;
import java.util.List;

/** Inserts PENDING refunds; {@code type} is FULL when the first refund returns everything paid, else PARTIAL. */
@Component
class RefundRecords {

    private final Refunds refunds;
    private final Clock clock;

    RefundRecords(Refunds refunds, Clock clock) {
        this.refunds = refunds;
        this.clock = clock;
    }

    Refund pending(OrderFunds funds, long amount, List<Refund.Item> items, RefundReason reason, String notes,
                   String initiator, String requestedBy, String idempotencyKey, JsonNode metadata) {
        String type = funds.committed() == 0 && amount == funds.amountPaid() ? "FULL" : "PARTIAL";
        Refund refund = new Refund(Uuids.v7(), funds.orderId(), funds.paymentId(), amount, funds.currency(), type,
                reason.name(), notes, RefundStatus.PENDING, null, initiator, requestedBy, items, idempotencyKey, null, null,
                null, null, null, null, 0, null, null, metadata, null, clock.instant(), null);
        refunds.insert(refund);
        return refund;
    }
}
