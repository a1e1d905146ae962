package uk.co.lomashwood.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;

/**
 * The leased hits one request took while its checks ran on an event loop. When a later check of the same request must
 * wait for I/O, they are given back before the checks run again on a virtual thread, so that no hit is counted twice.
 */
public final class InlineHits {

    private final List<Runnable> taken = new ArrayList<>(2);

    void took(Runnable giveBack) {
        taken.add(giveBack);
    }

    public void giveBack() {
        taken.forEach(Runnable::run);
        taken.clear();
    }
}
