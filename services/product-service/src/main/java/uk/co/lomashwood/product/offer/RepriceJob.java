package uk.co.lomashwood.product.offer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;
import uk.co.lomashwood.product.pricing.PricingRules;

import java.time.Duration;

/**
 * reprice-products (spec 20 §1.6), run every 5 minutes instead of daily (ours) so that a sale or sale price
 * that starts or ends reaches filters, sort and cards within minutes; price-check computes at read time anyway.
 * Idempotent and row-locked, so even a run that outlives its job lock is harmless.
 */
@Component
class RepriceJob extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(RepriceJob.class);

    private final Sales sales;
    private final PricingRules rules;

    RepriceJob(Sales sales, PricingRules rules, JobLock lock,
               @Value("${lomash.product.reprice-seconds:300}") long periodSeconds) {
        super("reprice-products", periodSeconds, Duration.ofSeconds(120), lock);
        this.sales = sales;
        this.rules = rules;
    }

    void run() {
        runOnce();
    }

    @Override
    protected void runOnce() {
        int moved = sales.refreshWindows();
        int repriced = rules.refreshWindows().size();
        if (moved + repriced > 0) {
            log.info("reprice-products: {} sale windows and {} products with rule windows moved", moved, repriced);
        }
    }
}
