package uk.co.lomashwood.product.offer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.pricing.PricingRules;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * reprice-products (spec 20 §1.6), run every 5 minutes instead of daily (ours) so that a sale or sale price
 * that starts or ends reaches filters, sort and cards within minutes; price-check computes at read time anyway.
 * Idempotent and row-locked, so running it on several instances at once is harmless.
 */
@Component
class RepriceJob implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RepriceJob.class);

    private final Sales sales;
    private final PricingRules rules;
    private final long periodSeconds;
    private ScheduledExecutorService scheduler;

    RepriceJob(Sales sales, PricingRules rules, @Value("${lomash.product.reprice-seconds:300}") long periodSeconds) {
        this.sales = sales;
        this.rules = rules;
        this.periodSeconds = periodSeconds;
    }

    void run() {
        int moved = sales.refreshWindows();
        int repriced = rules.refreshWindows().size();
        if (moved + repriced > 0) {
            log.info("reprice-products: {} sale windows and {} products with rule windows moved", moved, repriced);
        }
    }

    @Override
    public synchronized void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("reprice-products").factory());
        scheduler.scheduleWithFixedDelay(this::runQuietly, periodSeconds, periodSeconds, TimeUnit.SECONDS);
    }

    private void runQuietly() {
        try {
            run();
        } catch (RuntimeException e) {
            log.warn("reprice-products failed: {}", e.getMessage());
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
