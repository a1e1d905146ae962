package uk.co.lomashwood.order.payment;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

/**
 * Schedules reconcile-payments hourly at :00 UTC under {@code order:lock:job:reconcile-payments} (lock TTL 300 s),
 * so one instance of the cluster runs it. {@code lomash.order.jobs-enabled=false} turns the schedule off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lomash.order.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class PaymentJobs {

    private final RedisLocks locks;
    private final PaymentReconciliation reconciliation;

    public PaymentJobs(RedisLocks locks, PaymentReconciliation reconciliation) {
        this.locks = locks;
        this.reconciliation = reconciliation;
    }

    @Scheduled(cron = "0 0 * * * *", zone = "UTC")
    public void reconcilePayments() {
        locks.runExclusively("order:lock:job:reconcile-payments", Duration.ofSeconds(300), reconciliation::run);
    }
}
