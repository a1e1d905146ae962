package uk.co.lomashwood.gateway.edge;

import java.util.Date;

import io.netty.handler.codec.DateFormatter;

/** The {@code Date} header value, formatted at most once a second. */
final class HttpDates {

    private record Cached(long second, String value) {
    }

    private static volatile Cached cached = new Cached(-1, "");

    private HttpDates() {
    }

    static String now() {
        long millis = System.currentTimeMillis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, DateFormatter.format(new Date(second * 1000)));
            cached = c;
        }
        return c.value;
    }
}
