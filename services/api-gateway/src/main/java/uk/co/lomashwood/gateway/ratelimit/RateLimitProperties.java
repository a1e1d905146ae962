package uk.co.lomashwood.gateway.ratelimit;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The rate-limit table of spec 10 §1.6 / 00 §3.3 as configuration. Each policy has one or more limits written
 * {@code "<count>/<window> <SUBJECT>"} (window like 1m, 15m, 1h, 24h; subject IP, USER, EMAIL or SESSION; USER, EMAIL
 * and SESSION fall back to the IP when the request carries none), the routes it covers ({@code "METHOD /pattern[?q]"}),
 * whether it runs before authentication (IP-only policies) and what happens when Redis is down (OPEN or MEMORY).
 */
@ConfigurationProperties("lomash.gateway.rate-limit")
public record RateLimitProperties(Boolean enabled, Integer multiplier, Duration redisBackoff,
        Map<String, Policy> policies) {

    public RateLimitProperties {
        enabled = enabled == null || enabled;
        multiplier = multiplier == null || multiplier < 1 ? 1 : multiplier;
        redisBackoff = redisBackoff == null ? Duration.ofSeconds(5) : redisBackoff;
        policies = policies == null ? Map.of() : new LinkedHashMap<>(policies);
    }

    public enum RedisDown { OPEN, MEMORY }

    public record Policy(List<String> limits, List<String> routes, Boolean beforeAuth, RedisDown redisDown) {
        public Policy {
            limits = limits == null ? List.of() : limits;
            routes = routes == null ? List.of() : routes;
            beforeAuth = beforeAuth != null && beforeAuth;
            redisDown = redisDown == null ? RedisDown.OPEN : redisDown;
        }
    }
}
