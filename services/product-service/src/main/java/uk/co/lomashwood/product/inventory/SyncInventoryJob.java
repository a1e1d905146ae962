package uk.co.lomashwood.product.inventory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.product.job.JobLock;
import uk.co.lomashwood.product.job.PeriodicJob;

import java.time.Duration;

/** sync-inventory (spec 20 §1.6): every 15 minutes, logs its reconciliation report. */
@Component
class SyncInventoryJob extends PeriodicJob {

    private static final Logger log = LoggerFactory.getLogger(SyncInventoryJob.class);

    private final InventorySync sync;

    SyncInventoryJob(InventorySync sync, JobLock lock,
                     @Value("${lomash.product.inventory-sync-seconds:900}") long periodSeconds) {
        super("sync-inventory", periodSeconds, Duration.ofSeconds(120), lock);
        this.sync = sync;
    }

    InventorySync.Report run() {
        InventorySync.Report report = sync.sync();
        log.info("sync-inventory: {} stock rows created, {} statuses corrected, {} rows whose reserved quantity "
                + "differs from their active reservations", report.rowsCreated(), report.statusesCorrected(),
                report.reservedMismatches());
        return report;
    }

    @Override
    protected void runOnce() {
        run();
    }
}
