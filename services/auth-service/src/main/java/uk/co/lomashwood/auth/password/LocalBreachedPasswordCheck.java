package uk.co.lomashwood.auth.password;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/** The default breach check: skipped, with one warning per application context. */
@Component
class LocalBreachedPasswordCheck implements BreachedPasswordCheck {

    private static final Logger log = LoggerFactory.getLogger(LocalBreachedPasswordCheck.class);

    private final AtomicBoolean warned = new AtomicBoolean();

    @Override
    public boolean isBreached(String password) {
        if (warned.compareAndSet(false, true)) {
            log.warn("Breached-password check skipped: no breach-corpus service is configured");
        }
        return false;
    }
}
