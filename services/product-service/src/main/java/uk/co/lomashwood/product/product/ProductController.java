package uk.co.lomashwood.product.product;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.response.Created;
import uk.co.lomashwood.platform.web.security.RequireRole;
import uk.co.lomashwood.platform.web.security.UserContext;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Public catalogue and admin product management (spec 20 §1.3 Products). */
@RestController
@RequestMapping("/v1/products")
public class ProductController {

    private static final CacheControl LIST_CACHE = CacheControl.maxAge(Duration.ofSeconds(60)).cachePublic()
            .sMaxAge(Duration.ofSeconds(60));
    private static final CacheControl DETAIL_CACHE = CacheControl.maxAge(Duration.ofSeconds(300)).cachePublic()
            .sMaxAge(Duration.ofSeconds(60));

    private final ProductListing listing;
    private final ProductDetails details;
    private final FilterOptions filterOptions;
    private final ProductAdministration admin;
    private final ViewCounts views;

    public ProductController(ProductListing listing, ProductDetails details, FilterOptions filterOptions,
                             ProductAdministration admin, ViewCounts views) {
        this.views = views;
        this.listing = listing;
        this.details = details;
        this.filterOptions = filterOptions;
        this.admin = admin;
    }

    @GetMapping
    public ResponseEntity<String> list(@RequestParam MultiValueMap<String, String> params, UserContext user) {
        boolean isAdmin = user.hasRole(Role.ADMIN);
        return json(listing.list(ListingQuery.parse(params, isAdmin), isAdmin), isAdmin ? null : LIST_CACHE, user);
    }

    @GetMapping("/featured")
    public ResponseEntity<String> featured(@RequestParam(required = false) String category,
                                           @RequestParam(required = false) Integer limit, UserContext user) {
        ListingQuery query = ListingQuery.of(category(category), ListingSort.MERCHANDISED,
                PageRequest.validLimit(limit == null ? 8 : limit, 20), true);
        return json(listing.cards("featured", query), LIST_CACHE, user);
    }

    @GetMapping("/popular")
    public ResponseEntity<String> popular(@RequestParam(required = false) String category,
                                          @RequestParam(required = false) Integer limit, UserContext user) {
        ListingQuery query = ListingQuery.of(category(category), ListingSort.POPULAR,
                PageRequest.validLimit(limit == null ? 10 : limit, 50), null);
        return json(listing.cards("popular", query), LIST_CACHE, user);
    }

    @GetMapping("/filter-options")
    public ResponseEntity<String> filterOptions(@RequestParam(required = false) String category, UserContext user) {
        return json(filterOptions.json(category(category)), LIST_CACHE, user);
    }

    @GetMapping("/slug/{slug}")
    public ResponseEntity<String> bySlug(@PathVariable String slug, UserContext user) {
        if (slug.length() > 255 || !slug.matches("^[a-z0-9-]+$")) {
            throw ProductDetails.notFound();
        }
        return byId(details.idForSlug(slug), user);
    }

    @GetMapping("/{id}")
    public ResponseEntity<String> byId(@PathVariable UUID id, UserContext user) {
        if (user.hasRole(Role.ADMIN)) {
            ProductDetail detail = details.load(id, true);
            return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate()).eTag(detail.etag())
                    .contentType(MediaType.APPLICATION_JSON).body(details.toJson(detail));
        }
        String body = details.publicJson(id);
        views.viewed(id);
        return json(body, DETAIL_CACHE, user);
    }

    @PostMapping
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ProductDetail>> create(@Valid @RequestBody ProductInput body, UserContext user) {
        UUID id = admin.create(body, user.userId());
        return Created.under(id, details.load(id, true));
    }

    @PatchMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ProductDetail>> patch(@PathVariable UUID id, @RequestBody JsonNode body,
                                                            @RequestHeader(name = "If-Match", required = false) String ifMatch,
                                                            UserContext user) {
        admin.patch(id, body, ifMatch, user.userId());
        return adminDetail(id);
    }

    public record StatusChange(@NotNull ProductStatus status) {
    }

    @PatchMapping("/{id}/status")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ProductDetail>> status(@PathVariable UUID id, @Valid @RequestBody StatusChange body,
                                                             UserContext user) {
        admin.setStatus(id, body.status(), user.userId());
        return adminDetail(id);
    }

    public record FeaturedChange(@NotNull Boolean featured) {
    }

    @PatchMapping("/{id}/featured")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ProductDetail>> featured(@PathVariable UUID id,
                                                               @Valid @RequestBody FeaturedChange body, UserContext user) {
        admin.setFeatured(id, body.featured(), user.userId());
        return adminDetail(id);
    }

    public record ColourSet(@NotNull @Size(min = 1, max = 50) List<@NotNull UUID> colourIds) {
    }

    @PostMapping("/{id}/colours")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<ApiResponse<ProductDetail>> colours(@PathVariable UUID id, @Valid @RequestBody ColourSet body,
                                                              UserContext user) {
        admin.setColours(id, body.colourIds(), user.userId());
        return adminDetail(id);
    }

    @DeleteMapping("/{id}")
    @RequireRole(Role.ADMIN)
    public ResponseEntity<Void> delete(@PathVariable UUID id, UserContext user) {
        admin.delete(id, user.userId());
        return ResponseEntity.noContent().build();
    }

    public record BulkDelete(@NotNull @Size(min = 1, max = 100) List<@NotNull UUID> ids) {
    }

    public record Count(int count) {
    }

    @PostMapping("/bulk-delete")
    @RequireRole(Role.ADMIN)
    public ApiResponse<Count> bulkDelete(@Valid @RequestBody BulkDelete body, UserContext user) {
        return ApiResponse.of(new Count(admin.bulkDelete(body.ids(), user.userId())));
    }

    private ResponseEntity<ApiResponse<ProductDetail>> adminDetail(UUID id) {
        ProductDetail detail = details.load(id, true);
        return ResponseEntity.ok().eTag(detail.etag()).body(ApiResponse.of(detail));
    }

    private static ProductCategory category(String raw) {
        return raw == null || raw.isBlank() ? null : Enums.parse(ProductCategory.class, raw, "category");
    }

    /**
     * Token-carrying requests are private (spec 20 §1.7); anonymous ones may be cached by the CDN and carry a
     * strong ETag of the body, answered with 304 when the client already has it (spec 00 §5.5).
     */
    private static ResponseEntity<String> json(String body, CacheControl cache, UserContext user) {
        if (cache == null || !user.isAnonymous()) {
            return ResponseEntity.ok().cacheControl(CacheControl.noStore().cachePrivate())
                    .contentType(MediaType.APPLICATION_JSON).body(body);
        }
        String etag = StrongEtag.of(body);
        if (StrongEtag.matches(currentIfNoneMatch(), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).cacheControl(cache).eTag(etag).build();
        }
        return ResponseEntity.ok().cacheControl(cache).eTag(etag).contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private static String currentIfNoneMatch() {
        var attributes = (org.springframework.web.context.request.ServletRequestAttributes)
                org.springframework.web.context.request.RequestContextHolder.currentRequestAttributes();
        return attributes.getRequest().getHeader("If-None-Match");
    }
}
