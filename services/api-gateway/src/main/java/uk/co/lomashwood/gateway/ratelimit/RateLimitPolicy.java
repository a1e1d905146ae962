package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.co.lomashwood.gateway.routing.RequestMatcher;

/** One named policy of the rate-limit table with its limits and the routes it covers. */
public record RateLimitPolicy(String name, List<Limit> limits, List<RequestMatcher> routes, boolean beforeAuth,
        boolean memoryFallback) {

    public enum Subject { IP, USER, EMAIL, SESSION }

    public record Limit(int count, Duration window, Subject subject) {

        private static final Pattern FORMAT = Pattern.compile("(\\d+)\\s*/\\s*(\\d+)([smhd])\\s+(\\w+)");

        static Limit parse(String text) {
            Matcher m = FORMAT.matcher(text.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("Rate limit must look like '10/15m IP': " + text);
            }
            long amount = Long.parseLong(m.group(2));
            Duration window = switch (m.group(3)) {
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
            return new Limit(Integer.parseInt(m.group(1)), window,
                    Subject.valueOf(m.group(4).toUpperCase(Locale.ROOT)));
        }
    }

    static RateLimitPolicy of(String name, RateLimitProperties.Policy p) {
        return new RateLimitPolicy(name, p.limits().stream().map(Limit::parse).toList(),
                p.routes().stream().map(RequestMatcher::parse).toList(), p.beforeAuth(),
                p.redisDown() == RateLimitProperties.RedisDown.MEMORY);
    }

    /** Whether hits may be claimed ahead in batches ({@link PermitLeases}): not for the credential policies. */
    boolean leased() {
        return !memoryFallback;
    }

    boolean applies(RateLimitRequest request) {
        for (RequestMatcher route : routes) {
            if (route.matches(request.method(), request.path(), request.hasParam())) {
                return true;
            }
        }
        return false;
    }
}
