package uk.co.lomashwood.gateway.headers;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** W3C trace context (spec 00 §8.1): keep a valid inbound {@code traceparent}, otherwise start a new trace. */
public final class TraceContext {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

    private TraceContext() {
    }

    public static String traceparent(String inbound) {
        if (inbound != null && TRACEPARENT.matcher(inbound.trim()).matches()) {
            return inbound.trim();
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] traceId = new byte[16];
        byte[] spanId = new byte[8];
        random.nextBytes(traceId);
        random.nextBytes(spanId);
        traceId[0] |= 1;
        spanId[0] |= 1;
        HexFormat hex = HexFormat.of();
        return "00-" + hex.formatHex(traceId) + "-" + hex.formatHex(spanId) + "-01";
    }

    /** The trace id part of a traceparent, for logs. */
    public static String traceId(String traceparent) {
        return traceparent.substring(3, 35);
    }
}
