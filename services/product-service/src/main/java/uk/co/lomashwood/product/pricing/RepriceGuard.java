package uk.co.lomashwood.product.pricing;

import uk.co.lomashwood.platform.core.money.Money;

/**
 * The guard of reprice-products (spec 20 §1.6): a price the job computes outside 50 %–150 % of the previous one is
 * not recorded or announced by the job. Both bounds are allowed.
 */
final class RepriceGuard {

    private RepriceGuard() {
    }

    static boolean allows(Money previous, Money next) {
        if (previous == null) {
            return true;
        }
        return 2 * next.pence() >= previous.pence() && 2 * next.pence() <= 3 * previous.pence();
    }
}
