package uk.co.lomashwood.order.order;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import uk.co.lomashwood.order.coupon.Coupons;
import uk.co.lomashwood.platform.events.lock.RedisLocks;

import java.time.Duration;

/**
 * The order jobs of spec 20 §2.6; each run holds Redis lock {@code order:lock:job:{name}} and is skipped while another
 * instance holds it (row locks keep overlapping runs apart as well).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lomash.order.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class OrderJobs {

    private final OrderExpiry expiry;
    private final Coupons coupons;
    private final RedisLocks locks;

    public OrderJobs(OrderExpiry expiry, Coupons coupons, RedisLocks locks) {
        this.expiry = expiry;
        this.coupons = coupons;
        this.locks = locks;
    }

    @Scheduled(fixedDelayString = "${lomash.order.expiry-interval:10m}", initialDelayString = "${lomash.order.expiry-initial-delay:1m}")
    public void expireUnpaidOrders() {
        locks.runExclusively("order:lock:job:expire-unpaid-orders", Duration.ofSeconds(120), expiry::run);
    }

    @Scheduled(cron = "${lomash.order.coupon-housekeeping-cron:0 15 0 * * *}", zone = "Europe/London")
    public void couponHousekeeping() {
        locks.runExclusively("order:lock:job:coupon-housekeeping", Duration.ofSeconds(120), coupons::housekeeping);
    }
}
