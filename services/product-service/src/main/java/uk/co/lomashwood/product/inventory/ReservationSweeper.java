package uk.co.lomashwood.product.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;

import java.time.Clock;
import java.time.Duration;

/**
 * reservation-sweeper (spec 20 §1.6): every 5 minutes, ACTIVE reservations past expiresAt free their stock.
 * Each order is expired under the same row locks as a release, so even a run that outlives its job lock is safe.
 */
@Component
class ReservationSweeper extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(ReservationSweeper.class);

    private final Reservations reservations;
    private final StockStore store;
    private final Clock clock;

    ReservationSweeper(Reservations reservations, StockStore store, Clock clock, JobLock lock,
                       @Value("${lomash.product.reservation-sweep-seconds:300}") long periodSeconds) {
        super("reservation-sweeper", periodSeconds, Duration.ofSeconds(60), lock);
        this.reservations = reservations;
        this.store = store;
        this.clock = clock;
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
    protected void runOnce() {
        sweep();
    }
}
