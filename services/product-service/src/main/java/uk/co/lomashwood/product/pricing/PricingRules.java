package uk.co.lomashwood.product.pricing;

import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.ValidationException;
import uk.co.lomashwood.platform.core.money.Money;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.Validation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Admin use cases on pricing rules (spec 20 §1.3 Pricing, §1.4.3); every write reprices the product. */
@Service
public class PricingRules {

    private static final Logger log = LoggerFactory.getLogger(PricingRules.class);

    private static final Set<String> WRITABLE = Set.of("pricingType", "basePrice", "salePrice", "costPrice", "minPrice",
            "maxPrice", "taxRate", "minOrderQuantity", "maxOrderQuantity", "saleStartDate", "saleEndDate",
            "effectiveFrom", "effectiveUntil", "status");

    private final PricingStore store;
    private final PricingEvents events;
    private final Repricing repricing;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;

    public PricingRules(PricingStore store, PricingEvents events, Repricing repricing, Validator validator,
                        ObjectMapper json, Clock clock) {
        this.store = store;
        this.events = events;
        this.repricing = repricing;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    public PricingRuleView get(UUID id) {
        return store.find(id, false).orElseThrow(PricingRules::notFound);
    }

    public OffsetPage<PricingRuleView> list(PricingStore.ListQuery query) {
        return store.list(query);
    }

    public PricingStore.Stats stats() {
        return store.stats();
    }

    public List<PricingStore.History> history(UUID id) {
        get(id);
        return store.history(id);
    }

    /** Public (P2): a product's active rules, without cost prices unless the caller is ADMIN. */
    public List<PricingRuleView> ofProduct(UUID productId, boolean admin) {
        if (!store.productExists(productId)) {
            throw new ApiException(ErrorCode.PRODUCT_NOT_FOUND, "No such product.");
        }
        List<PricingRuleView> rules = store.ofProduct(productId, !admin);
        return admin ? rules : rules.stream().map(PricingRuleView::withoutCost).toList();
    }

    public List<PricingRuleView> activeSales(String category) {
        return store.activeSales(category, clock.instant()).stream().map(PricingRuleView::withoutCost).toList();
    }

    public record Comparison(UUID productId, Money lowestPrice, Money highestPrice, Money averagePrice, int variantCount,
                             int onSaleCount) {
    }

    /** Over the product's active rules (final prices); a product without rules is 404 PRICING_NOT_FOUND. */
    public Comparison comparison(UUID productId) {
        List<PricingRuleView> rules = ofProduct(productId, false);
        if (rules.isEmpty()) {
            throw new ApiException(ErrorCode.PRICING_NOT_FOUND, "This product has no active pricing rules.");
        }
        var finals = rules.stream().mapToLong(r -> r.finalPrice().pence()).summaryStatistics();
        return new Comparison(productId, Money.ofPence(finals.getMin()), Money.ofPence(finals.getMax()),
                Money.ofPence(Math.round(finals.getAverage())), (int) rules.stream().filter(r -> r.variantId() != null)
                .count(), (int) rules.stream().filter(PricingRuleView::isOnSale).count());
    }

    @Transactional
    public UUID create(PricingInput in, UUID actor) {
        in.checked();
        if (!store.productExists(in.productId())) {
            throw ApiException.reference(ErrorCode.PRODUCT_NOT_FOUND, "productId does not name a product.");
        }
        if (in.variantId() != null && !store.variantOf(in.productId(), in.variantId())) {
            throw ValidationException.of("variantId", "is not a size of this product");
        }
        if (live(in) && store.liveRuleExists(in.productId(), in.variantId(), null)) {
            throw alreadyExists();
        }
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            store.insert(id, in, PricingStore.Derived.of(in, now), now);
        } catch (DuplicateKeyException e) {
            throw alreadyExists();
        }
        PricingRuleView rule = get(id);
        events.priceChanged(rule, null, rule.basePrice(), "BASE", "pricing rule created", actor, now);
        if (rule.salePrice() != null) {
            events.priceChanged(rule, rule.basePrice(), rule.salePrice(), "SALE", "sale price set", actor, now);
        }
        repricing.recompute(in.productId());
        return id;
    }

    /** JSON Merge Patch; a stale {@code If-Match} is 412. */
    @Transactional
    public void patch(UUID id, JsonNode patch, String ifMatch, UUID actor) {
        PricingRuleView current = store.find(id, true).orElseThrow(PricingRules::notFound);
        if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals("\"" + current.version() + "\"")) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The pricing rule changed since it was read.");
        }
        if (patch != null && patch.isObject() && patch.isEmpty()) {
            throw ValidationException.of("body", "must change at least one field");
        }
        PatchTypes.requireJsonTypes(patch, PricingInput.class);
        PricingInput next = MergePatch.apply(patch, current.input(), PricingInput.class, WRITABLE, json);
        save(current, Validation.valid(validator, next), "pricing rule updated", actor);
    }

    /** sale = base × (1 − p/100) or base − amount; the result must be above 0 and below base (422). */
    @Transactional
    public void applyDiscount(UUID id, BigDecimal percentage, BigDecimal amount, Instant start, Instant end, UUID actor) {
        PricingRuleView current = store.find(id, true).orElseThrow(PricingRules::notFound);
        if ((percentage == null) == (amount == null)) {
            throw ValidationException.of("discountPercentage", "give either discountPercentage or discountAmount");
        }
        if (start != null && end != null && !end.isAfter(start)) {
            throw ValidationException.of("endDate", "must be after startDate");
        }
        long base = current.basePrice().pence();
        long sale = percentage != null
                ? BigDecimal.valueOf(base).multiply(BigDecimal.valueOf(100).subtract(percentage))
                .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact()
                : base - Money.ofPounds(amount).pence();
        if (sale <= 0 || sale >= base) {
            throw new ApiException(ErrorCode.INVALID_DISCOUNT, "The discount must leave a price above 0 and below the base price.");
        }
        save(current, current.input().withSale(Money.ofPence(sale).pounds(), start, end), "discount applied", actor);
    }

    @Transactional
    public void removeDiscount(UUID id, UUID actor) {
        PricingRuleView current = store.find(id, true).orElseThrow(PricingRules::notFound);
        save(current, current.input().withSale(null, null, null), "discount removed", actor);
    }

    @Transactional
    public UUID duplicate(UUID id, UUID targetProductId, UUID targetVariantId, UUID actor) {
        PricingRuleView source = get(id);
        return create(source.input().forTarget(targetProductId, targetVariantId), actor);
    }

    @Transactional
    public void delete(UUID id) {
        PricingRuleView current = store.find(id, true).orElseThrow(PricingRules::notFound);
        store.softDelete(id, clock.instant());
        repricing.recompute(current.productId());
    }

    /**
     * reprice-products, rule side (spec 20 §1.6): SCHEDULED rules whose effectiveFrom passed become ACTIVE, ACTIVE
     * rules past effectiveUntil become EXPIRED, and rules whose sale window opened or closed get their derived
     * columns again, with a price_history row and {@code product.price.changed} by {@code system}, unless the new
     * price is outside 50–150 % of the previous one: that change is only logged. The read path charges the rule as
     * it stands either way (README, Prices), so listing, detail and checkout agree. Returns the products whose price
     * inputs changed; they are repriced here.
     */
    @Transactional
    public java.util.Set<UUID> refreshWindows() {
        Instant now = clock.instant();
        java.util.Set<UUID> products = new java.util.TreeSet<>();
        products.addAll(store.activateAndExpire(now));
        for (PricingRuleView rule : store.saleWindowMoved(now)) {
            store.update(rule.id(), rule.input(), PricingStore.Derived.of(rule.input(), now), now);
            PricingRuleView after = get(rule.id());
            if (RepriceGuard.allows(rule.finalPrice(), after.finalPrice())) {
                events.priceChanged(after, rule.finalPrice(), after.finalPrice(), after.isOnSale() ? "SALE" : "BASE",
                        after.isOnSale() ? "sale window opened" : "sale window closed", null, now);
            } else {
                log.warn("reprice-products: price of product {} (rule {}) moved from {} to {}, outside 50-150 % of the "
                                + "previous price; not recorded in price_history nor announced", rule.productId(),
                        rule.id(), rule.finalPrice(), after.finalPrice());
            }
            products.add(rule.productId());
        }
        repricing.recompute(products);
        return products;
    }

    private void save(PricingRuleView current, PricingInput next, String reason, UUID actor) {
        next.checked();
        if (live(next) && store.liveRuleExists(next.productId(), next.variantId(), current.id())) {
            throw alreadyExists();
        }
        Instant now = clock.instant();
        try {
            store.update(current.id(), next, PricingStore.Derived.of(next, now), now);
        } catch (DuplicateKeyException e) {
            throw alreadyExists();
        }
        PricingRuleView after = get(current.id());
        events.priceChanged(after, current.basePrice(), after.basePrice(), "BASE", reason, actor, now);
        if (!Objects.equals(current.salePrice(), after.salePrice())) {
            Money previous = current.salePrice() == null ? current.basePrice() : current.salePrice();
            Money now2 = after.salePrice() == null ? after.basePrice() : after.salePrice();
            events.priceChanged(after, previous, now2, after.salePrice() == null ? "BASE" : "SALE", reason, actor, now);
        }
        repricing.recompute(current.productId());
    }

    private static boolean live(PricingInput in) {
        return in.statusOrActive() == PricingInput.PricingStatus.ACTIVE
                || in.statusOrActive() == PricingInput.PricingStatus.SCHEDULED;
    }

    private static ApiException alreadyExists() {
        return new ApiException(ErrorCode.PRICING_ALREADY_EXISTS,
                "This product (and variant) already has an active or scheduled pricing rule.");
    }

    static ApiException notFound() {
        return new ApiException(ErrorCode.PRICING_NOT_FOUND, "No such pricing rule.");
    }
}
