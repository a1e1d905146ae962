package uk.co.lomashwood.platform.web.request;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The correlation id of the current request (spec 00 §8.1), kept in the logging MDC. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTED = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|[A-Za-z0-9_-]{8,64}");

    private RequestIds() {
    }

    /** The inbound id if it is a UUID or 8–64 of {@code [A-Za-z0-9_-]}, otherwise a new UUID. */
    public static String acceptOrGenerate(String inbound) {
        return inbound != null && ACCEPTED.matcher(inbound).matches() ? inbound : newId();
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
