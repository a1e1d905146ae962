package uk.co.lomashwood.product.inventory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.product.cache.AfterCommit;
import uk.co.lomashwood.product.cache.CatalogueCache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stock reservation for checkout (spec 20 §1.4.4): rows are locked in id order, every line must fit or
 * nothing is reserved, and each call is idempotent per order id.
 */
@Service
public class Reservations {

    private static final String SYSTEM = "system";

    private final StockStore store;
    private final StockEvents events;
    private final CatalogueCache cache;
    private final StockAlerts alerts;
    private final AvailabilityFlips flips;

    Reservations(StockStore store, StockEvents events, CatalogueCache cache, StockAlerts alerts,
                 AvailabilityFlips flips) {
        this.store = store;
        this.events = events;
        this.cache = cache;
        this.alerts = alerts;
        this.flips = flips;
    }

    public record Line(UUID productId, UUID variantId, int quantity) {
    }

    public record Reserved(UUID id, UUID inventoryId, UUID productId, UUID variantId, int quantity, Instant expiresAt) {
    }

    public record Outcome(UUID orderId, List<Reserved> reservations,
                          @com.fasterxml.jackson.annotation.JsonIgnore boolean created) {
    }

    @Transactional
    public Outcome reserve(UUID orderId, Instant expiresAt, List<Line> lines) {
        List<StockStore.Reservation> existing = store.reservationsOf(orderId, false);
        if (!existing.isEmpty()) {
            return outcome(orderId, existing, false);
        }
        Map<UUID, Line> byRow = new LinkedHashMap<>();
        for (Line line : lines) {
            UUID rowId = store.rowFor(line.productId(), line.variantId()).orElseThrow(() -> missing(line));
            byRow.merge(rowId, line, (a, b) -> new Line(a.productId(), a.variantId(), a.quantity() + b.quantity()));
        }
        Map<UUID, InventoryRow> rows = store.lock(byRow.keySet()).stream()
                .collect(Collectors.toMap(InventoryRow::id, Function.identity()));
        // a concurrent call for the same order may have won the locks first
        existing = store.reservationsOf(orderId, false);
        if (!existing.isEmpty()) {
            return outcome(orderId, existing, false);
        }
        List<StockEvents.Shortfall> shortfalls = new ArrayList<>();
        byRow.forEach((rowId, line) -> {
            StockLevel level = rows.get(rowId).level();
            if (!level.canReserve(line.quantity())) {
                shortfalls.add(new StockEvents.Shortfall(line.productId(), line.variantId(), line.quantity(),
                        Math.max(level.available(), 0)));
            }
        });
        if (!shortfalls.isEmpty()) {
            throw insufficient(shortfalls);
        }
        List<StockStore.Reservation> created = new ArrayList<>();
        Set<UUID> flipped = new HashSet<>();
        AvailabilityFlips.Changes changes = flips.changes();
        byRow.forEach((rowId, line) -> {
            InventoryRow before = rows.get(rowId);
            InventoryRow after = before.with(before.level().reserve(line.quantity()));
            store.save(after);
            store.move(after, "RESERVE", 0, line.quantity(), orderId, SYSTEM);
            StockStore.Reservation reservation = new StockStore.Reservation(UUID.randomUUID(), orderId, rowId,
                    line.productId(), line.variantId(), line.quantity(), "ACTIVE", expiresAt);
            store.insertReservation(reservation);
            created.add(reservation);
            events.updated(before, after, "RESERVATION", orderId, SYSTEM);
            noteFlip(before, after, flipped, changes);
        });
        invalidate(flipped, changes);
        return outcome(orderId, created, true);
    }

    /** Reserved stock leaves the shelf; expired or released reservations take stock directly when it is there. */
    @Transactional(noRollbackFor = ApiException.class)
    public void commit(UUID orderId) {
        List<StockStore.Reservation> reservations = reservationsOrNotFound(orderId);
        Map<UUID, InventoryRow> rows = lockRows(reservations);
        List<StockEvents.Shortfall> shortfalls = new ArrayList<>();
        for (StockStore.Reservation r : reservations) {
            boolean lapsed = r.status().equals("RELEASED") || r.status().equals("EXPIRED");
            if (lapsed && !rows.get(r.inventoryId()).level().canReserve(r.quantity())) {
                shortfalls.add(new StockEvents.Shortfall(r.productId(), r.variantId(), r.quantity(),
                        Math.max(rows.get(r.inventoryId()).level().available(), 0)));
            }
        }
        if (!shortfalls.isEmpty()) {
            events.reservationFailed(orderId, shortfalls);
            throw insufficient(shortfalls);
        }
        Set<UUID> flipped = new HashSet<>();
        AvailabilityFlips.Changes changes = flips.changes();
        for (StockStore.Reservation r : reservations) {
            if (r.status().equals("COMMITTED")) {
                continue;
            }
            InventoryRow before = rows.get(r.inventoryId());
            boolean active = r.status().equals("ACTIVE");
            InventoryRow after = before.with(active ? before.level().commit(r.quantity()) : before.level().take(r.quantity()));
            rows.put(after.id(), after);
            store.save(after);
            store.move(after, "SALE", -r.quantity(), active ? -r.quantity() : 0, orderId, SYSTEM);
            store.setStatus(r.id(), "COMMITTED");
            events.updated(before, after, "ORDER_CONFIRMED", orderId, SYSTEM);
            noteFlip(before, after, flipped, changes);
        }
        invalidate(flipped, changes);
    }

    @Transactional
    public void release(UUID orderId) {
        free(orderId, "RELEASED");
    }

    /** The sweeper's variant of release: the reservation ends EXPIRED instead of RELEASED. */
    @Transactional
    public void expire(UUID orderId) {
        free(orderId, "EXPIRED");
    }

    private void free(UUID orderId, String endState) {
        List<StockStore.Reservation> reservations = store.reservationsOf(orderId, true);
        Map<UUID, InventoryRow> rows = lockRows(reservations);
        Set<UUID> flipped = new HashSet<>();
        AvailabilityFlips.Changes changes = flips.changes();
        for (StockStore.Reservation r : reservations) {
            if (!r.status().equals("ACTIVE")) {
                continue;
            }
            InventoryRow before = rows.get(r.inventoryId());
            InventoryRow after = before.with(before.level().release(r.quantity()));
            rows.put(after.id(), after);
            store.save(after);
            store.move(after, "RELEASE", 0, -r.quantity(), orderId, SYSTEM);
            store.setStatus(r.id(), endState);
            events.updated(before, after, "RELEASE", orderId, SYSTEM);
            noteFlip(before, after, flipped, changes);
        }
        invalidate(flipped, changes);
    }

    /** A confirmed order cancelled later: committed units go back on the shelf (movement RETURN), once. */
    @Transactional
    public void returnStock(UUID orderId) {
        List<StockStore.Reservation> reservations = store.reservationsOf(orderId, true);
        Map<UUID, InventoryRow> rows = lockRows(reservations);
        Set<UUID> flipped = new HashSet<>();
        AvailabilityFlips.Changes changes = flips.changes();
        for (StockStore.Reservation r : reservations) {
            if (!r.status().equals("COMMITTED")) {
                continue;
            }
            InventoryRow before = rows.get(r.inventoryId());
            InventoryRow after = before.with(before.level().restock(r.quantity()));
            rows.put(after.id(), after);
            store.save(after);
            store.move(after, "RETURN", r.quantity(), 0, orderId, SYSTEM);
            store.setStatus(r.id(), "RELEASED");
            events.updated(before, after, "ORDER_CANCELLED", orderId, SYSTEM);
            noteFlip(before, after, flipped, changes);
        }
        invalidate(flipped, changes);
    }

    private List<StockStore.Reservation> reservationsOrNotFound(UUID orderId) {
        List<StockStore.Reservation> reservations = store.reservationsOf(orderId, true);
        if (reservations.isEmpty()) {
            throw new ApiException(ErrorCode.ORDER_NOT_FOUND, "No stock is reserved for this order.");
        }
        return reservations;
    }

    private Map<UUID, InventoryRow> lockRows(List<StockStore.Reservation> reservations) {
        if (reservations.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return store.lock(reservations.stream().map(StockStore.Reservation::inventoryId).toList()).stream()
                .collect(Collectors.toMap(InventoryRow::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    private void noteFlip(InventoryRow before, InventoryRow after, Set<UUID> flipped,
                          AvailabilityFlips.Changes changes) {
        changes.note(before, after);
        if (before.level().status() != after.level().status()) {
            flipped.add(after.productId());
            alerts.check(before, after);
        }
    }

    /** Only a change of availability state shows on cards and detail pages; the CDN only for an in/out flip. */
    private void invalidate(Set<UUID> products, AvailabilityFlips.Changes changes) {
        changes.invalidateFlippedProducts();
        if (!products.isEmpty()) {
            AfterCommit.run(() -> products.forEach(cache::productChanged));
        }
    }

    private ApiException missing(Line line) {
        if (!store.productExists(line.productId())) {
            return ApiException.reference(ErrorCode.PRODUCT_NOT_FOUND, "items names a product that does not exist.");
        }
        return insufficient(List.of(new StockEvents.Shortfall(line.productId(), line.variantId(), line.quantity(), 0)));
    }

    private static ApiException insufficient(List<StockEvents.Shortfall> shortfalls) {
        return new ApiException(ErrorCode.INSUFFICIENT_STOCK, "Not enough stock for every line of the order.")
                .with("details", shortfalls);
    }

    private static Outcome outcome(UUID orderId, List<StockStore.Reservation> reservations, boolean created) {
        return new Outcome(orderId, reservations.stream().map(r -> new Reserved(r.id(), r.inventoryId(), r.productId(),
                r.variantId(), r.quantity(), r.expiresAt())).toList(), created);
    }
}
