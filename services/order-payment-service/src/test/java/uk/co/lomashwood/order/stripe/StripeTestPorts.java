package uk.co.lomashwood.order.stripe;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import uk.co.lomashwood.order.refund.RefundSettlement;
import uk.co.lomashwood.order.refund.SystemRefunds;

/**
 * The sibling ports the service needs to start that have no implementation in main yet (the refund helper's).
 * The stripe tests never reach them. Drop each one when the real bean arrives.
 */
@TestConfiguration(proxyBeanMethods = false)
class StripeTestPorts {

    @Bean
    @Primary
    SystemRefunds unusedSystemRefunds() {
        return (orderId, reason) -> {
            throw new UnsupportedOperationException("not used by the stripe tests");
        };
    }

    @Bean
    @Primary
    RefundSettlement unusedRefundSettlement() {
        return (refund, stripeEventId) -> {
            throw new UnsupportedOperationException("not used by the stripe tests");
        };
    }
}
