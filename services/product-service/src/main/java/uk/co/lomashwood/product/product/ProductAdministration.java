package uk.co.lomashwood.product.product;

import jakarta.validation.Validator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.patch.MergePatch;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.cache.CdnPaths;
import uk.co.lomashwood.product.catalogue.PatchTypes;
import uk.co.lomashwood.product.catalogue.ProductStatus;
import uk.co.lomashwood.product.catalogue.Slugs;
import uk.co.lomashwood.product.catalogue.Validation;
import uk.co.lomashwood.product.pricing.Repricing;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Admin use cases on products (spec 20 §1.3 Products, §1.4.5). */
@Service
public class ProductAdministration {

    private static final Set<String> WRITABLE = Set.of("title", "description", "category", "price", "categoryId",
            "rangeId", "status", "style", "finish", "slug", "metaTitle", "metaDescription", "featured", "sortOrder",
            "leadTimeDays", "images", "colourIds", "sizes", "saleIds");

    private final ProductStore store;
    private final References references;
    private final ProductEvents events;
    private final CatalogueCache cache;
    private final CdnPaths cdn;
    private final Validator validator;
    private final ObjectMapper json;
    private final Clock clock;
    private final Repricing repricing;

    public ProductAdministration(ProductStore store, References references, ProductEvents events, CatalogueCache cache,
                                 CdnPaths cdn, Validator validator, ObjectMapper json, Clock clock, Repricing repricing) {
        this.repricing = repricing;
        this.store = store;
        this.references = references;
        this.events = events;
        this.cache = cache;
        this.cdn = cdn;
        this.validator = validator;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public UUID create(ProductInput in, UUID actor) {
        checkReferences(in);
        String slug;
        if (in.slug() != null) {
            if (store.slugTaken(in.slug(), null)) {
                throw new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "Another product already uses this slug.");
            }
            slug = in.slug();
        } else {
            slug = Slugs.unique(Slugs.fromTitle(in.title()), s -> store.slugTaken(s, null));
        }
        new Publishing(ProductStatus.DRAFT, in.statusOrDraft()).check(in.images().size(), in.colourIds().size());
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        store.insert(id, in, slug, references.range(in.rangeId()), actor, now);
        store.replaceImages(id, in.images());
        store.replaceColours(id, in.colourIds());
        store.replaceSizes(id, in.sizesOrEmpty());
        store.ensureInventory(id);
        store.replaceSales(id, in.saleIds());
        store.refreshSearchVector(id);
        repricing.recompute(id);
        events.created(id, slug, in.title(), in.category(), in.statusOrDraft(), now);
        events.statusChanged(new Publishing(ProductStatus.DRAFT, in.statusOrDraft()), id, slug, in.category(), now);
        changed(id, slug);
        return id;
    }

    /** JSON Merge Patch; arrays replace whole sets; a stale {@code If-Match} is 412. */
    @Transactional
    public void patch(UUID id, JsonNode patch, String ifMatch, UUID actor) {
        ProductStore.Current current = store.lock(id).orElseThrow(ProductDetails::notFound);
        if (ifMatch != null && !ifMatch.equals("\"" + current.version() + "\"") && !ifMatch.equals("*")) {
            throw new ApiException(ErrorCode.PRECONDITION_FAILED, "The product changed since it was read; reload it.");
        }
        PatchTypes.requireJsonTypes(patch, ProductInput.class);
        ProductInput next = MergePatch.apply(patch, current.input(), ProductInput.class, WRITABLE, json);
        Validation.valid(validator, next);
        save(current, next, actor);
    }

    @Transactional
    public void setStatus(UUID id, ProductStatus status, UUID actor) {
        ProductStore.Current current = store.lock(id).orElseThrow(ProductDetails::notFound);
        ProductInput i = current.input();
        save(current, new ProductInput(i.title(), i.description(), i.category(), i.price(), i.categoryId(), i.rangeId(),
                status, i.style(), i.finish(), i.slug(), i.metaTitle(), i.metaDescription(), i.featured(), i.sortOrder(),
                i.leadTimeDays(), i.images(), i.colourIds(), i.sizes(), i.saleIds()), actor);
    }

    @Transactional
    public void setFeatured(UUID id, boolean featured, UUID actor) {
        ProductStore.Current current = store.lock(id).orElseThrow(ProductDetails::notFound);
        if (!Objects.equals(current.input().featured(), featured)) {
            Instant now = clock.instant();
            store.setFeatured(id, featured, actor, now);
            events.updated(id, current.slug(), List.of(new ProductEvents.Change("featured", !featured, featured)),
                    actor, now);
            changed(id, current.slug());
        }
    }

    @Transactional
    public void setColours(UUID id, List<UUID> colourIds, UUID actor) {
        ProductStore.Current current = store.lock(id).orElseThrow(ProductDetails::notFound);
        ProductInput i = current.input();
        save(current, new ProductInput(i.title(), i.description(), i.category(), i.price(), i.categoryId(), i.rangeId(),
                i.status(), i.style(), i.finish(), i.slug(), i.metaTitle(), i.metaDescription(), i.featured(),
                i.sortOrder(), i.leadTimeDays(), i.images(), colourIds, i.sizes(), i.saleIds()), actor);
    }

    @Transactional
    public void delete(UUID id, UUID actor) {
        ProductStore.Current current = store.lock(id).orElseThrow(ProductDetails::notFound);
        Instant now = clock.instant();
        store.softDelete(id, actor, now);
        repricing.invalidate(List.of(id));
        events.statusChanged(new Publishing(current.status(), ProductStatus.ARCHIVED), id, current.slug(),
                current.input().category(), now);
        events.deleted(id, current.slug(), current.input().category(), now, actor);
        changed(id, current.slug());
    }

    /** Soft-deletes every live product among {@code ids}; the count is of rows that actually changed. */
    @Transactional
    public int bulkDelete(List<UUID> ids, UUID actor) {
        int count = 0;
        for (UUID id : new java.util.TreeSet<>(ids)) {
            if (store.lock(id).isPresent()) {
                delete(id, actor);
                count++;
            }
        }
        return count;
    }

    private void save(ProductStore.Current current, ProductInput next, UUID actor) {
        checkReferences(next);
        String slug = next.slug() == null ? current.slug() : next.slug();
        if (!slug.equals(current.slug()) && store.slugTaken(slug, current.id())) {
            throw new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "Another product already uses this slug.");
        }
        Publishing publishing = new Publishing(current.status(), next.statusOrDraft());
        publishing.check(next.images().size(), next.colourIds().size());
        List<ProductEvents.Change> changes = changes(current.input(), next);
        boolean salesChanged = next.saleIds() != null
                && !new java.util.HashSet<>(next.saleIds()).equals(new java.util.HashSet<>(current.input().saleIds()));
        if (changes.isEmpty() && !salesChanged) {
            return;
        }
        Instant now = clock.instant();
        store.update(current.id(), next, slug, references.range(next.rangeId()), actor, now);
        store.replaceImages(current.id(), next.images());
        store.replaceColours(current.id(), next.colourIds());
        List<UUID> removedVariants = store.replaceSizes(current.id(), next.sizesOrEmpty());
        AfterCommit.run(() -> cache.pricingChanged(current.id(), removedVariants));
        store.ensureInventory(current.id());
        if (salesChanged) {
            store.replaceSales(current.id(), next.saleIds());
        }
        store.refreshSearchVector(current.id());
        repricing.recompute(current.id());
        if (!changes.isEmpty()) {
            events.updated(current.id(), slug, changes, actor, now);
        }
        if (next.netPrice() != null && !java.util.Objects.equals(current.input().netPrice(), next.netPrice())) {
            PriceChange change = new PriceChange(current.input().netPrice(), next.netPrice());
            store.recordPrice(current.id(), change, actor, now);
            events.priceChanged(current.id(), change, actor, now);
        }
        events.statusChanged(publishing, current.id(), slug, next.category(), now);
        changed(current.id(), current.slug(), slug);
    }

    private void checkReferences(ProductInput in) {
        references.category(in.categoryId());
        references.range(in.rangeId());
        references.colours(in.colourIds());
        references.sizePresets(in.sizesOrEmpty());
        references.sales(in.saleIds());
    }

    private static List<ProductEvents.Change> changes(ProductInput before, ProductInput after) {
        List<ProductEvents.Change> changes = new ArrayList<>();
        for (RecordComponent component : ProductInput.class.getRecordComponents()) {
            if (component.getName().equals("saleIds")) {
                continue;
            }
            try {
                Object old = component.getAccessor().invoke(before);
                Object now = component.getAccessor().invoke(after);
                if (component.getName().equals("slug") && now == null) {
                    continue;
                }
                if (!sameValue(old, now)) {
                    boolean bulky = old instanceof List<?> || now instanceof List<?>;
                    changes.add(new ProductEvents.Change(component.getName(), bulky ? null : old, bulky ? null : now));
                }
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return changes;
    }

    private static boolean sameValue(Object a, Object b) {
        if (a instanceof java.math.BigDecimal x && b instanceof java.math.BigDecimal y) {
            return x.compareTo(y) == 0;
        }
        if (a instanceof List<?> x && b instanceof List<?> y) {
            return x.toString().equals(y.toString());
        }
        return Objects.equals(a, b);
    }

    private void changed(UUID id, String... slugs) {
        AfterCommit.run(() -> {
            cache.productChanged(id, slugs);
            cdn.productChanged(id, slugs);
        });
    }
}
