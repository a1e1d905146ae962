package uk.co.lomashwood.product.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * reservation-sweeper (spec 20 §1.6): every 5 minutes, ACTIVE reservations past expiresAt free their stock.
 * Safe to run on every instance at once: each order is expired under the same row locks as a release.
 */
@Component
class ReservationSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Reservations reservations;
    private final StockStore store;
    private final Clock clock;
    private final long periodSeconds;
    private ScheduledExecutorService scheduler;

    ReservationSweeper(Reservations reservations, StockStore store, Clock clock,
                       @Value("${lomash.product.reservation-sweep-seconds:300}") long periodSeconds) {
        this.reservations = reservations;
        this.store = store;
        this.clock = clock;
        this.periodSeconds = periodSeconds;
    }

    int sweep() {
        int expired = 0;
        for (var orderId : store.expiredOrders(clock.instant(), 100)) {
            try {
                reservations.expire(orderId);
                expired++;
            } catch (RuntimeException e) {
                log.warn("expiring the reservations of order {} failed: {}", orderId, e.getMessage());
            }
        }
        return expired;
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("reservation-sweeper").factory());
        scheduler.scheduleWithFixedDelay(this::sweepQuietly, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private void sweepQuietly() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.warn("reservation sweep failed: {}", e.getMessage());
        }
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
