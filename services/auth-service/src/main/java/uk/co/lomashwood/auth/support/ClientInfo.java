package uk.co.lomashwood.auth.support;

import jakarta.servlet.http.HttpServletRequest;
import uk.co.lomashwood.platform.web.request.ClientIp;

/** Where a request came from, as the gateway forwarded it: client IP and user agent (truncated). */
public record ClientInfo(String ipAddress, String userAgent) {

    private static final int MAX_USER_AGENT = 512;

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(ClientIp.of(request), agent);
    }

    /** For jobs, event handlers and seeding, which have no HTTP caller. */
    public static ClientInfo system() {
        return new ClientInfo(null, null);
    }
}
