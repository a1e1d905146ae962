package uk.co.lomashwood.platform.web.request;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The client address as the gateway saw it: the first entry of {@code X-Forwarded-For} (the
 * gateway overwrites that header, so a client cannot forge it past the gateway).
 */
public final class ClientIp {

    private ClientIp() {
    }

    public static String of(HttpServletRequest request) {
        String forwarded = request.getHeader("X-Forwarded-For");
        if (forwarded != null && !forwarded.isBlank()) {
            String first = forwarded.split(",")[0].trim();
            if (!first.isEmpty() && first.length() <= 64) {
                return first;
            }
        }
        return request.getRemoteAddr();
    }
}
