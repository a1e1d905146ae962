package uk.co.lomashwood.product.product;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.cache.CatalogueCache;
import uk.co.lomashwood.product.catalogue.SearchVectors;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;
import uk.co.lomashwood.product.job.Schedule;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/**
 * rebuild-search-index (spec 20 §1.6), daily 04:00 London: recomputes the searchVector of live products whose stored vector no
 * longer matches their title, range name and colour names (e.g. a colour renamed in a failed or older write), in
 * batches of {@code lomash.product.search-index-batch} (100, allowed 10–1000).
 */
@Component
class RebuildSearchIndex extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(RebuildSearchIndex.class);
    private static final String STALE = "SELECT p.id FROM products p WHERE p.deleted_at IS NULL"
            + " AND p.search_vector IS DISTINCT FROM (" + SearchVectors.OF_PRODUCT + ") ORDER BY p.id LIMIT ?";

    private final JdbcClient jdbc;
    private final CatalogueCache cache;
    private final int batch;

    RebuildSearchIndex(JdbcClient jdbc, CatalogueCache cache, JobLock lock,
                       @Value("${lomash.product.search-index-batch:100}") int batch) {
        super("rebuild-search-index", Schedule.dailyAt(LocalTime.of(4, 0)), Duration.ofMinutes(10), lock);
        if (batch < 10 || batch > 1000) {
            throw new IllegalArgumentException("lomash.product.search-index-batch must be 10–1000, was " + batch);
        }
        this.jdbc = jdbc;
        this.cache = cache;
        this.batch = batch;
    }

    /** Returns how many products got a new vector. */
    int rebuild() {
        int rebuilt = 0;
        while (true) {
            List<UUID> stale = jdbc.sql(STALE).param(batch).query(UUID.class).list();
            if (stale.isEmpty()) {
                break;
            }
            rebuilt += jdbc.sql(SearchVectors.UPDATE_WHERE + "p.id IN (:ids)").param("ids", stale).update();
            if (stale.size() < batch) {
                break;
            }
        }
        if (rebuilt > 0) {
            cache.bumpGeneration();
            log.info("rebuild-search-index: {} search vectors recomputed", rebuilt);
        }
        return rebuilt;
    }

    @Override
    protected void runOnce() {
        rebuild();
    }
}
