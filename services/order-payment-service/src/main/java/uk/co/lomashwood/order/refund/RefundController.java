package uk.co.lomashwood.order.refund;

import uk.co.lomashwood.order.guard.RateLimits;
import uk.co.lomashwood.order.guard.RateLimit;
import jakarta.validation.Valid;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.order.invoice.QueryValues;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /v1/refunds}: ADMIN issues and manages refunds; customers read the refunds of their own orders. */
@RestController
public class RefundController {

    private static final String UUID_RE = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";
    private static final String ID = "/v1/refunds/{refundId:" + UUID_RE + "}";
    private static final String BY_ORDER = "/v1/refunds/by-order/{orderId}";

    private final RefundCreation creation;
    private final RefundActions actions;
    private final RefundQueries queries;
    private final RateLimits rateLimits;

    public RefundController(RefundCreation creation, RefundActions actions, RefundQueries queries,
                            RateLimits rateLimits) {
        this.creation = creation;
        this.actions = actions;
        this.queries = queries;
        this.rateLimits = rateLimits;
    }

    @PostMapping("/v1/refunds")
    @RequireRole(Role.ADMIN)
    @Idempotent(required = true)
    public ResponseEntity<ApiResponse<RefundView>> create(@Valid @RequestBody RefundRequests.Create request,
                                                          @RequestHeader("Idempotency-Key") String idempotencyKey,
                                                          UserContext caller) {
        rateLimits.check(RateLimit.CREATE_REFUND, caller.requireUserId());
        Refund refund = creation.create(request, caller.requireUserId(), idempotencyKey);
        return Created.under(refund.id(), RefundView.of(refund));
    }

    @PostMapping("/v1/refunds/bulk")
    @RequireRole(Role.SUPER_ADMIN)
    @Idempotent(required = true)
    public ApiResponse<Map<String, Object>> bulk(@Valid @RequestBody RefundRequests.Bulk request, UserContext caller) {
        return ApiResponse.of(creation.bulk(request, caller.requireUserId()));
    }

    @GetMapping("/v1/refunds")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<RefundView>> list(@RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) String sort,
                                              @RequestParam(required = false) UUID orderId,
                                              @RequestParam(required = false) UUID paymentId,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) String requestedBy,
                                              @RequestParam(required = false) String stripeRefundId,
                                              @RequestParam(required = false) BigDecimal amountMin,
                                              @RequestParam(required = false) BigDecimal amountMax,
                                              @RequestParam(required = false) String createdFrom,
                                              @RequestParam(required = false) String createdTo,
                                              @RequestParam(required = false) String settledFrom,
                                              @RequestParam(required = false) String settledTo,
                                              @RequestParam(required = false) String search) {
        var filter = new RefundQueries.Filter(orderId, paymentId, status, requestedBy, stripeRefundId,
                QueryValues.pounds("amountMin", amountMin), QueryValues.pounds("amountMax", amountMax), createdFrom,
                createdTo, settledFrom, settledTo, search, sort);
        return ApiResponse.offset(queries.table(filter, PageRequest.of(page, limit)));
    }

    @GetMapping("/v1/refunds/status-breakdown")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<Map<String, Object>>> statusBreakdown() {
        return ApiResponse.list(queries.statusBreakdown());
    }

    @GetMapping(ID)
    public ApiResponse<RefundView> get(@PathVariable UUID refundId, UserContext caller) {
        return ApiResponse.of(queries.one(refundId, caller));
    }

    @GetMapping(BY_ORDER)
    public ApiResponse<List<RefundView>> ofOrder(@PathVariable UUID orderId, UserContext caller) {
        return ApiResponse.list(queries.ofOrder(orderId, caller));
    }

    @GetMapping(BY_ORDER + "/summary")
    public ApiResponse<Map<String, Object>> summary(@PathVariable UUID orderId, UserContext caller) {
        return ApiResponse.of(queries.summary(orderId, caller));
    }

    @GetMapping(BY_ORDER + "/eligibility")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Map<String, Object>> eligibility(@PathVariable UUID orderId) {
        return ApiResponse.of(queries.eligibility(orderId));
    }

    @PostMapping(ID + "/cancel")
    @RequireRole(Role.ADMIN)
    public ApiResponse<RefundView> cancel(@PathVariable UUID refundId, UserContext caller) {
        return ApiResponse.of(RefundView.of(actions.cancel(refundId, caller.requireUserId())));
    }

    @PostMapping(ID + "/retry")
    @RequireRole(Role.ADMIN)
    public ApiResponse<RefundView> retry(@PathVariable UUID refundId, UserContext caller) {
        return ApiResponse.of(RefundView.of(actions.retry(refundId, caller.requireUserId())));
    }
}
