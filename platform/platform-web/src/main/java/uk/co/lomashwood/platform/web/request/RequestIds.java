package uk.co.lomashwood.platform.web.request;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** The correlation id of the current request (spec 00 §8.1), kept in the logging MDC. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    private RequestIds() {
    }

    /** The inbound id if it is a UUID or 8–64 of {@code [A-Za-z0-9_-]}, otherwise a new UUID. */
    public static String acceptOrGenerate(String inbound) {
        return inbound != null && acceptable(inbound) ? inbound : newId();
    }

    /** 8–64 of {@code [A-Za-z0-9_-]} (a UUID is one of them): a scan, as every request behind the gateway has one. */
    private static boolean acceptable(String id) {
        int length = id.length();
        if (length < 8 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = id.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-'
                    || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** The current request's id, or a fresh one outside a request (jobs, consumers). */
    public static String current() {
        String id = MDC.get(MDC_KEY);
        return id != null ? id : newId();
    }

    /**
     * A random (version 4) UUID from {@link ThreadLocalRandom}: a correlation id needs to be unique, not
     * unpredictable, and every request without one would otherwise take a lock on the JVM's SecureRandom.
     */
    public static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
