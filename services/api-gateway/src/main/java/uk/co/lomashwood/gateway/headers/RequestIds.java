package uk.co.lomashwood.gateway.headers;

import java.util.UUID;
import java.util.regex.Pattern;

import org.slf4j.MDC;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Request id of spec 10 §1.1 step 1 / 00 §8.1: keep an inbound {@code X-Request-Id} that is a UUID or 8–64 characters
 * of {@code [A-Za-z0-9_-]}, otherwise generate a UUID. If platform-web's request-id filter already ran, its value (in the
 * MDC under {@code requestId}) is reused so both agree.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    private RequestIds() {
    }

    public static String resolve(HttpServletRequest request) {
        String fromPlatform = MDC.get(MDC_KEY);
        if (fromPlatform != null && isValid(fromPlatform)) {
            return fromPlatform;
        }
        String inbound = request.getHeader(HEADER);
        return isValid(inbound) ? inbound : UUID.randomUUID().toString();
    }

    public static boolean isValid(String value) {
        return value != null && VALID.matcher(value).matches();
    }
}
