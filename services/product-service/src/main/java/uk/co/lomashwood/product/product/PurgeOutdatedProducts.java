package uk.co.lomashwood.product.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;
import uk.co.lomashwood.product.job.Schedule;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * purge-outdated-products (spec 20 §1.6), Sundays 03:00 London: archives — soft delete with status ARCHIVED and
 * {@code product.deleted} by {@code system}, never a hard delete — products untouched for 365 days that are not
 * PUBLISHED, or untouched for 180 days without any stock; a product ordered in the last 365 days stays. Batches of 100.
 */
@Component
class PurgeOutdatedProducts extends PeriodicJob {

    static final int BATCH = 100;
    private static final Logger log = LoggerFactory.getLogger(PurgeOutdatedProducts.class);
    private static final String CANDIDATES = """
            SELECT p.id FROM products p
             WHERE p.deleted_at IS NULL
               AND (p.last_ordered_at IS NULL OR p.last_ordered_at < :yearAgo)
               AND ((p.status <> 'PUBLISHED' AND p.updated_at < :yearAgo)
                    OR (p.updated_at < :halfYearAgo AND NOT EXISTS (SELECT 1 FROM inventory i
                         WHERE i.product_id = p.id AND i.deleted_at IS NULL AND i.quantity > 0)))
             ORDER BY p.updated_at, p.id LIMIT :batch""";

    private final JdbcClient jdbc;
    private final ProductAdministration products;
    private final Clock clock;

    PurgeOutdatedProducts(JdbcClient jdbc, ProductAdministration products, Clock clock, JobLock lock) {
        super("purge-outdated-products", Schedule.weeklyAt(DayOfWeek.SUNDAY, LocalTime.of(3, 0)),
                Duration.ofMinutes(10), lock);
        this.jdbc = jdbc;
        this.products = products;
        this.clock = clock;
    }

    /** Returns how many products were archived. */
    int purge() {
        Instant now = clock.instant();
        int archived = 0;
        while (true) {
            List<UUID> batch = jdbc.sql(CANDIDATES).param("yearAgo", Timestamp.from(now.minus(Duration.ofDays(365))))
                    .param("halfYearAgo", Timestamp.from(now.minus(Duration.ofDays(180)))).param("batch", BATCH)
                    .query(UUID.class).list();
            if (batch.isEmpty()) {
                break;
            }
            archived += products.bulkDelete(batch, null);
            if (batch.size() < BATCH) {
                break;
            }
        }
        if (archived > 0) {
            log.info("purge-outdated-products: {} products archived", archived);
        }
        return archived;
    }

    @Override
    protected void runOnce() {
        purge();
    }
}
