package uk.co.lomashwood.order.refund;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Schedules {@link PendingRefunds} every 5 minutes; {@code lomash.order.jobs-enabled=false} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lomash.order.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class RefundJobs {

    private final PendingRefunds pendingRefunds;

    public RefundJobs(PendingRefunds pendingRefunds) {
        this.pendingRefunds = pendingRefunds;
    }

    @Scheduled(fixedDelay = 300_000, initialDelay = 60_000)
    public void resubmitPendingRefunds() {
        pendingRefunds.resubmit();
    }
}
