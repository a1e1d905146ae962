package uk.co.lomashwood.sample;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.idempotency.Idempotent;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** A tiny service used to exercise the platform the way a real service would. */
@SpringBootApplication
public class SampleApplication {

    static final AtomicInteger ORDERS_CREATED = new AtomicInteger();

    record OrderRequest(@NotBlank @Size(max = 20) String product, int quantity, @Email String email) {
    }

    record Order(UUID id, String product, int quantity, Money total, Instant createdAt, String note) {
    }

    @RestController
    static class SampleController {

        @GetMapping("/v1/things/{id}")
        ApiResponse<String> thing(@PathVariable UUID id) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No product with that id.");
        }

        @GetMapping("/v1/me")
        ApiResponse<UserContext> me(UserContext user) {
            return ApiResponse.of(user);
        }

        @GetMapping("/v1/admin/things")
        @RequireRole(Role.ADMIN)
        ApiResponse<List<String>> adminThings(@RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit) {
            PageRequest request = PageRequest.of(page, limit);
            return ApiResponse.offset(new OffsetPage<>(List.of("a", "b"), request.page(), request.limit(), 2));
        }

        @PostMapping("/v1/orders")
        @Idempotent(required = true)
        ResponseEntity<ApiResponse<Order>> create(@Valid @RequestBody OrderRequest request) {
            ORDERS_CREATED.incrementAndGet();
            if ("explode".equals(request.product())) {
                throw new IllegalStateException("database password is hunter2");
            }
            Order order = new Order(UUID.randomUUID(), request.product(), request.quantity(),
                    Money.ofPence(1999L * request.quantity()), Instant.parse("2026-02-19T10:30:00Z"), null);
            return Created.under(order.id(), order);
        }

        @PostMapping("/v1/notes")
        @Idempotent
        ApiResponse<Integer> note(@RequestBody OrderRequest request) {
            return ApiResponse.of(ORDERS_CREATED.incrementAndGet());
        }
    }
}
