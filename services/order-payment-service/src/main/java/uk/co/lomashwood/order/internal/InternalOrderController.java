package uk.co.lomashwood.order.internal;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.response.ApiResponse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Service-to-service reads for customer-service (spec 20 §2.3 internal; token required, never routed by the gateway). */
@RestController
public class InternalOrderController {

    private final CustomerOrders orders;

    public InternalOrderController(CustomerOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/internal/v1/orders")
    public ApiResponse<List<CustomerOrders.Summary>> ofUser(@RequestParam UUID userId,
                                                           @RequestParam(required = false) Integer page,
                                                           @RequestParam(required = false) Integer limit,
                                                           @RequestParam(required = false) String status) {
        return ApiResponse.offset(orders.ofUser(userId, status, PageRequest.of(page, limit)));
    }

    @GetMapping("/internal/v1/orders/verified-purchase")
    public ApiResponse<Map<String, Object>> verifiedPurchase(@RequestParam UUID userId, @RequestParam UUID productId,
                                                             @RequestParam(required = false) UUID orderId) {
        Optional<UUID> order = orders.verifiedPurchase(userId, productId, orderId);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("verified", order.isPresent());
        order.ifPresent(id -> body.put("orderId", id));
        return ApiResponse.of(body);
    }

    @GetMapping("/internal/v1/users/{userId}/export")
    public ApiResponse<Map<String, Object>> export(@PathVariable UUID userId) {
        return ApiResponse.of(orders.export(userId));
    }
}
