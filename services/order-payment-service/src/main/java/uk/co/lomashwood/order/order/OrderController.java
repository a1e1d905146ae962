package uk.co.lomashwood.order.order;

import uk.co.lomashwood.order.guard.RateLimits;
import uk.co.lomashwood.order.guard.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.IdempotencyFilter;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.request.ClientIp;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** {@code /v1/orders} (spec 20 §2.3): create, read, cancel; staff edit, status and soft delete. */
@RestController
public class OrderController {

    static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final OrderCreation creation;
    private final OrderQueries queries;
    private final OrderTransitions transitions;
    private final OrderAdministration administration;
    private final RateLimits limits;

    public OrderController(OrderCreation creation, OrderQueries queries, OrderTransitions transitions,
                           OrderAdministration administration, RateLimits limits) {
        this.creation = creation;
        this.queries = queries;
        this.transitions = transitions;
        this.administration = administration;
        this.limits = limits;
    }

    @PostMapping("/v1/orders")
    @Idempotent(required = true)
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ResponseEntity<ApiResponse<OrderCreated>> create(@Valid @RequestBody OrderCreate request, UserContext caller,
                                                            HttpServletRequest http) {
        limits.check(RateLimit.CREATE_ORDER, caller.requireUserId());
        OrderCreated created = creation.create(request, caller, new OrderCreation.Origin(ClientIp.of(http),
                http.getHeader("User-Agent"), http.getHeader(IdempotencyFilter.HEADER)));
        return Created.under(created.orderId(), created);
    }

    /** The list filters of {@code GET /v1/orders} and the export, bound from the query string. */
    public record ListQuery(String status, String paymentStatus, String startDate, String endDate, UUID userId,
                            String search, String sortBy, String sortOrder) {

        OrderQueries.Filter filter() {
            return new OrderQueries.Filter(status, paymentStatus, instant("startDate", startDate, false),
                    instant("endDate", endDate, true), userId, search, sortBy, sortOrder);
        }
    }

    @GetMapping("/v1/orders")
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<List<OrderView>> list(@RequestParam(required = false) Integer page,
                                             @RequestParam(required = false) Integer limit,
                                             ListQuery query, UserContext caller) {
        return ApiResponse.offset(queries.list(query.filter(), PageRequest.of(page, limit), caller));
    }

    static final int EXPORT_MAX_ROWS = 10_000;

    @GetMapping("/v1/orders/export")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<String> export(ListQuery query, UserContext caller) {
        String csv = OrderCsv.of(queries.export(query.filter(), EXPORT_MAX_ROWS, caller));
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"orders.csv\"")
                .body(csv);
    }

    @GetMapping("/v1/orders/statistics")
    @RequireRole(Role.ADMIN)
    public ApiResponse<OrderQueries.Statistics> statistics(@RequestParam(required = false) String startDate,
                                                           @RequestParam(required = false) String endDate) {
        return ApiResponse.of(queries.statistics(instant("startDate", startDate, false), instant("endDate", endDate, true)));
    }

    @GetMapping("/v1/orders/revenue")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<OrderQueries.RevenuePeriod>> revenue(@RequestParam(required = false) String startDate,
                                                                 @RequestParam(required = false) String endDate,
                                                                 @RequestParam(required = false) String groupBy) {
        return ApiResponse.list(queries.revenue(instant("startDate", startDate, false), instant("endDate", endDate, true),
                groupBy));
    }

    @GetMapping("/v1/orders/" + ID + "/history")
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<List<OrderQueries.HistoryEntry>> history(@PathVariable UUID id, UserContext caller) {
        return ApiResponse.list(queries.history(id, caller));
    }

    @GetMapping("/v1/orders/" + ID)
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<OrderView> get(@PathVariable UUID id, UserContext caller) {
        return ApiResponse.of(queries.view(id, caller));
    }

    @GetMapping("/v1/orders/number/{orderNumber:LW-\\d{8,12}}")
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<OrderView> byNumber(@PathVariable String orderNumber, UserContext caller) {
        return ApiResponse.of(queries.viewByNumber(orderNumber, caller));
    }

    @GetMapping("/v1/orders/pending/stale")
    @RequireRole(Role.ADMIN)
    public ApiResponse<List<OrderView>> stale(@RequestParam(defaultValue = "24") int hours) {
        return ApiResponse.list(queries.stalePending(hours));
    }

    public record BulkStatusRequest(@NotNull @Size(min = 1, max = 100) List<@NotNull UUID> orderIds,
                                    @NotNull OrderStatus status) {
    }

    public record BulkFailure(UUID id, String error) {
    }

    public record BulkOutcome(List<UUID> updated, List<BulkFailure> failed) {
    }

    @PostMapping("/v1/orders/bulk/status")
    @RequireRole(Role.ADMIN)
    public ApiResponse<BulkOutcome> bulkStatus(@Valid @RequestBody BulkStatusRequest request, UserContext caller) {
        List<UUID> updated = new java.util.ArrayList<>();
        List<BulkFailure> failed = new java.util.ArrayList<>();
        for (UUID id : new java.util.LinkedHashSet<>(request.orderIds())) {
            try {
                transitions.changeStatus(id, request.status(), "Bulk status change", caller.requireUserId());
                updated.add(id);
            } catch (uk.co.lomashwood.platform.core.error.ApiException e) {
                failed.add(new BulkFailure(id, e.code().name()));
            }
        }
        return ApiResponse.of(new BulkOutcome(updated, failed));
    }

    public record CancelRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/v1/orders/" + ID + "/cancel")
    @RequireRole({Role.CUSTOMER, Role.ADMIN})
    public ApiResponse<OrderTransitions.Cancelled> cancel(@PathVariable UUID id, @Valid @RequestBody CancelRequest request,
                                                          UserContext caller) {
        limits.check(RateLimit.CANCEL_ORDER, caller.requireUserId());
        return ApiResponse.of(transitions.cancelByRequest(id, request.reason().trim(), caller));
    }

    @PatchMapping("/v1/orders/" + ID)
    @RequireRole(Role.ADMIN)
    public ApiResponse<OrderView> patch(@PathVariable UUID id, @RequestBody JsonNode patch, UserContext caller) {
        administration.patch(id, patch, caller.requireUserId());
        return ApiResponse.of(queries.adminView(id));
    }

    public record StatusRequest(@NotNull OrderStatus status, @Size(max = 500) String notes) {
    }

    @PatchMapping("/v1/orders/" + ID + "/status")
    @RequireRole(Role.ADMIN)
    public ApiResponse<OrderView> status(@PathVariable UUID id, @Valid @RequestBody StatusRequest request, UserContext caller) {
        transitions.changeStatus(id, request.status(), request.notes(), caller.requireUserId());
        return ApiResponse.of(queries.adminView(id));
    }

    @DeleteMapping("/v1/orders/" + ID)
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id, UserContext caller) {
        administration.delete(id, caller.requireUserId());
        return ResponseEntity.noContent().build();
    }

    /** ISO instant, or a date (start of day / end of day UTC). */
    static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : date.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ValidationException.of(field, "must be an ISO date or date-time");
        }
    }
}
