package uk.co.lomashwood.product.product;

import org.springframework.util.MultiValueMap;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.product.catalogue.Enums;
import uk.co.lomashwood.product.catalogue.FinishType;
import uk.co.lomashwood.product.catalogue.ProductCategory;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.StyleType;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

/**
 * The list query of GET /v1/products (spec 20 §1.3, §1.4.1): values inside one filter are OR-ed,
 * different filters AND-ed. Sets are sorted so that equivalent queries share one fingerprint, which
 * binds cursors to their query and keys the list cache.
 */
public record ListingQuery(ProductCategory category, SortedSet<UUID> colours, SortedSet<StyleType> styles,
                           SortedSet<FinishType> finishes, SortedSet<UUID> ranges, Money minPrice, Money maxPrice,
                           Boolean featured, String q, ProductStatus status, ListingSort sort, int limit,
                           String cursor, Integer page, UUID categoryId) {

    private static final Set<String> PARAMETERS = Set.of("category", "filter[colour]", "filter[style]",
            "filter[finish]", "filter[range]", "minPrice", "maxPrice", "featured", "q", "status", "sort", "limit",
            "cursor", "page");
    private static final int MAX_VALUES = 20;

    /** Parses the raw query string; {@code admin} callers may choose a status, everyone else sees PUBLISHED. */
    public static ListingQuery parse(MultiValueMap<String, String> params, boolean admin) {
        for (String name : params.keySet()) {
            if (!PARAMETERS.contains(name)) {
                throw ValidationException.of(name, "unknown query parameter");
            }
        }
        ProductCategory category = single(params, "category", v -> Enums.parse(ProductCategory.class, v, "category"));
        Money min = single(params, "minPrice", v -> pounds(v, "minPrice"));
        Money max = single(params, "maxPrice", v -> pounds(v, "maxPrice"));
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ValidationException.of("minPrice", "must not exceed maxPrice");
        }
        String q = single(params, "q", String::trim);
        if (q != null && (q.length() < 2 || q.length() > 100)) {
            throw ValidationException.of("q", "must be 2 to 100 characters");
        }
        ProductStatus status = single(params, "status", v -> Enums.parse(ProductStatus.class, v, "status"));
        if (status != null && !admin) {
            throw ValidationException.of("status", "only administrators may filter by status");
        }
        String cursor = single(params, "cursor", Function.identity());
        Integer page = single(params, "page", v -> integer(v, "page"));
        if (cursor != null && page != null) {
            throw ValidationException.of("cursor", "cannot be combined with page");
        }
        if (page != null && page < 1) {
            throw ValidationException.of("page", "must be 1 or more");
        }
        Integer limit = single(params, "limit", v -> integer(v, "limit"));
        return new ListingQuery(category,
                list(params, "filter[colour]", v -> uuid(v, "filter[colour]")),
                list(params, "filter[style]", v -> Enums.parse(StyleType.class, v, "filter[style]")),
                list(params, "filter[finish]", v -> Enums.parse(FinishType.class, v, "filter[finish]")),
                list(params, "filter[range]", v -> uuid(v, "filter[range]")),
                min, max, single(params, "featured", ListingQuery::bool), q,
                admin ? status : ProductStatus.PUBLISHED,
                sortOf(params),
                PageRequest.validLimit(limit, PageRequest.MAX_LIMIT), cursor, page, null);
    }

    /** A query for the featured/popular/category lists: published, one category, a fixed order. */
    public static ListingQuery of(ProductCategory category, ListingSort sort, int limit, Boolean featured) {
        return new ListingQuery(category, new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), new TreeSet<>(), null,
                null, featured, null, ProductStatus.PUBLISHED, sort, limit, null, null, null);
    }

    /** The same query restricted to one category page ({@code categories.id}). */
    public ListingQuery inCategory(UUID id, Integer pageNumber) {
        return new ListingQuery(category, colours, styles, finishes, ranges, minPrice, maxPrice, featured, q, status,
                sort, limit, null, pageNumber, id);
    }

    private static ListingSort sortOf(MultiValueMap<String, String> params) {
        ListingSort sort = single(params, "sort", ListingSort::parse);
        return sort == null ? ListingSort.NEWEST : sort;
    }

    /** The filters and sort in canonical text: what a cursor is bound to. */
    public String canonicalFilters() {
        return String.join("|", String.valueOf(category), colours.toString(), styles.toString(),
                finishes.toString(), ranges.toString(), minPrice == null ? "" : minPrice.toString(),
                maxPrice == null ? "" : maxPrice.toString(), String.valueOf(featured),
                q == null ? "" : q.toLowerCase(java.util.Locale.ROOT), String.valueOf(status), sort.parameter(),
                String.valueOf(categoryId));
    }

    /** 8 hex characters of SHA-256 over the canonical filters and sort (spec 20 §1.4.2 rule 2). */
    public String fingerprint() {
        return sha256(canonicalFilters()).substring(0, 8);
    }

    /** The whole query including paging, for the list cache key. */
    public String cacheKey() {
        return sha256(canonicalFilters() + "|" + limit + "|" + cursor + "|" + page).substring(0, 32);
    }

    public boolean firstPage() {
        return cursor == null && (page == null || page == 1);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T single(MultiValueMap<String, String> params, String name, Function<String, T> parser) {
        List<String> values = params.get(name);
        if (values == null || values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw ValidationException.of(name, "must be given once");
        }
        String value = values.getFirst();
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 2048) {
            throw ValidationException.of(name, "is too long");
        }
        return parser.apply(value);
    }

    private static <T extends Comparable<T>> SortedSet<T> list(MultiValueMap<String, String> params, String name,
                                                               Function<String, T> parser) {
        List<String> raw = new ArrayList<>();
        for (String value : params.getOrDefault(name, List.of())) {
            for (String part : value.split(",", -1)) {
                if (!part.isBlank()) {
                    raw.add(part);
                }
            }
        }
        if (raw.size() > MAX_VALUES) {
            throw ValidationException.of(name, "accepts at most " + MAX_VALUES + " values");
        }
        SortedSet<T> parsed = new TreeSet<>();
        raw.forEach(v -> parsed.add(parser.apply(v)));
        return parsed;
    }

    private static UUID uuid(String raw, String name) {
        try {
            String value = raw.trim();
            if (value.length() != 36) {
                throw new IllegalArgumentException();
            }
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ValidationException.of(name, "must be a list of UUIDs");
        }
    }

    private static Money pounds(String raw, String name) {
        try {
            Money money = Money.ofPounds(new BigDecimal(raw.trim()));
            if (money.isNegative() || money.pence() > 100_000_000_00L) {
                throw new IllegalArgumentException();
            }
            return money;
        } catch (RuntimeException e) {
            throw ValidationException.of(name, "must be an amount in pounds with at most 2 decimals, 0 or more");
        }
    }

    private static Integer integer(String raw, String name) {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw ValidationException.of(name, "must be a whole number");
        }
    }

    private static Boolean bool(String raw) {
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ValidationException.of("featured", "must be true or false");
        };
    }

    static ApiException invalidCursor() {
        return new ApiException(ErrorCode.INVALID_CURSOR,
                "The cursor is malformed, stale or was made for other filters; restart without a cursor.");
    }
}
