package uk.co.lomashwood.order.payment;

import uk.co.lomashwood.order.guard.RateLimits;
import uk.co.lomashwood.order.guard.RateLimit;
import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

/** {@code /v1/payments} (spec 20 §2.3 "Payments and webhooks"). */
@RestController
@Validated
public class PaymentController {

    private static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final PaymentAttempts attempts;
    private final PaymentReading reading;
    private final RateLimits limits;
    private final ManualReconciliation reconciliation;
    private final PaymentStatistics statistics;

    public PaymentController(PaymentAttempts attempts, PaymentReading reading, RateLimits limits,
                             ManualReconciliation reconciliation, PaymentStatistics statistics) {
        this.attempts = attempts;
        this.reading = reading;
        this.limits = limits;
        this.reconciliation = reconciliation;
        this.statistics = statistics;
    }

    @PostMapping("/v1/payments/create-intent")
    @Idempotent(required = true)
    public ResponseEntity<ApiResponse<Map<String, Object>>> createIntent(UserContext caller,
                                                                         @Valid @RequestBody PaymentRequests.CreateIntent body) {
        limits.check(RateLimit.CREATE_INTENT, caller.requireUserId());
        PaymentAttempts.Opened opened = attempts.createIntent(caller.requireUserId(), body.orderId());
        Map<String, Object> data = reading.intentResponse(opened);
        if (!opened.created()) {
            return ResponseEntity.ok(ApiResponse.of(data));
        }
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/v1/payments/" + opened.payment().id()))
                .body(ApiResponse.of(data));
    }

    @PostMapping("/v1/payments/confirm")
    public ApiResponse<Map<String, Object>> confirm(UserContext caller, @Valid @RequestBody PaymentRequests.Confirm body) {
        limits.check(RateLimit.CONFIRM_PAYMENT, caller.requireUserId());
        return ApiResponse.of(reading.confirm(caller, body.paymentIntentId()));
    }

    @GetMapping("/v1/payments/order/{orderId}")
    public ApiResponse<List<PaymentView>> ofOrder(UserContext caller, @PathVariable UUID orderId) {
        return ApiResponse.list(reading.ofOrder(caller, orderId));
    }

    @GetMapping("/v1/payments/" + ID)
    public ApiResponse<PaymentView> one(UserContext caller, @PathVariable UUID id) {
        return ApiResponse.of(reading.one(caller, id));
    }

    @GetMapping("/v1/payments")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<PaymentView>> list(@RequestParam(required = false) Integer page,
                                               @RequestParam(required = false) Integer limit,
                                               @RequestParam(required = false) String status,
                                               @RequestParam(required = false) UUID orderId,
                                               @RequestParam(required = false) UUID userId) {
        List<String> statuses = status == null ? List.of() : Arrays.stream(status.split(",")).map(String::trim)
                .map(s -> s.toUpperCase(java.util.Locale.ROOT)).toList();
        for (String s : statuses) {
            if (Arrays.stream(PaymentStatus.values()).noneMatch(v -> v.name().equals(s))) {
                throw new ValidationException(List.of(new FieldViolation("status", "unknown payment status " + s)));
            }
        }
        OffsetPage<PaymentView> result = reading.page(new PaymentStore.Filter(statuses, orderId, userId),
                PageRequest.of(page, limit));
        return ApiResponse.offset(result);
    }

    @GetMapping("/v1/payments/statistics")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Map<String, Object>> statistics(@RequestParam(required = false) Instant fromDate,
                                                       @RequestParam(required = false) Instant toDate,
                                                       @RequestParam(required = false) String groupBy) {
        return ApiResponse.of(statistics.of(fromDate, toDate, groupBy));
    }

    @PostMapping("/v1/payments/reconcile")
    @RequireRole(Role.SUPER_ADMIN)
    public ResponseEntity<ApiResponse<Map<String, Object>>> reconcile(@Valid @RequestBody PaymentRequests.Reconcile body) {
        return ResponseEntity.accepted().body(ApiResponse.of(reconciliation.start(body.fromDate(), body.toDate())));
    }

    @PostMapping("/v1/payments/" + ID + "/cancel")
    @RequireRole(Role.ADMIN)
    public ApiResponse<PaymentView> cancel(@PathVariable UUID id,
                                           @Valid @RequestBody(required = false) PaymentRequests.Cancel body) {
        return ApiResponse.of(PaymentView.of(attempts.cancelByAdmin(id)));
    }
}
