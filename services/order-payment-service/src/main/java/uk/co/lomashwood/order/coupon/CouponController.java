package uk.co.lomashwood.order.coupon;

import jakarta.validation.Valid;
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
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.util.List;
import java.util.UUID;

/** Staff coupon management {@code /v1/coupons} (spec 20 §2.3, P1); validation for customers is in checkout. */
@RestController
@RequireRole(Role.ADMIN)
public class CouponController {

    static final String ID = "{id:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}}";

    private final CouponAdministration coupons;

    public CouponController(CouponAdministration coupons) {
        this.coupons = coupons;
    }

    @GetMapping("/v1/coupons")
    public ApiResponse<List<CouponView>> list(@RequestParam(required = false) Integer page,
                                              @RequestParam(required = false) Integer limit,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) String search,
                                              @RequestParam(required = false) String sortBy,
                                              @RequestParam(required = false) String sortOrder) {
        return ApiResponse.offset(coupons.list(status, search, sortBy, sortOrder, PageRequest.of(page, limit)));
    }

    @GetMapping("/v1/coupons/" + ID)
    public ApiResponse<CouponView> get(@PathVariable UUID id) {
        return ApiResponse.of(coupons.get(id));
    }

    @PostMapping("/v1/coupons")
    public ResponseEntity<ApiResponse<CouponView>> create(@Valid @RequestBody CouponInput input, UserContext caller) {
        CouponView created = coupons.create(input, caller.requireUserId());
        return Created.under(created.id(), created);
    }

    @PatchMapping("/v1/coupons/" + ID)
    public ApiResponse<CouponView> patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return ApiResponse.of(coupons.patch(id, patch));
    }

    @PatchMapping("/v1/coupons/" + ID + "/deactivate")
    public ApiResponse<CouponView> deactivate(@PathVariable UUID id) {
        return ApiResponse.of(coupons.deactivate(id));
    }

    @DeleteMapping("/v1/coupons/" + ID)
    public ResponseEntity<Void> delete(@PathVariable UUID id) {
        coupons.delete(id);
        return ResponseEntity.noContent().build();
    }
}
