package uk.co.lomashwood.auth.login;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import uk.co.lomashwood.auth.support.ClientInfo;

import java.time.Clock;
import java.time.Duration;

/**
 * Brute-force alerts of spec 10 §2.5.2 / spec 00 §3.13: five consecutive sign-in failures from one IP
 * ({@code auth:alert:ip-failures:{ip}}, 15 minutes, cleared by a success from that IP) and more than 50 failures
 * service-wide in a 5-minute bucket. Alerts are WARN lines on the {@code uk.co.lomashwood.auth.security}
 * logger, which log-based alarms watch.
 */
@Component
public class FailureAlerts {

    static final int IP_THRESHOLD = 5;
    static final int SERVICE_THRESHOLD = 50;
    private static final Logger security = LoggerFactory.getLogger("uk.co.lomashwood.auth.security");

    private final StringRedisTemplate redis;
    private final Clock clock;

    public FailureAlerts(StringRedisTemplate redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
    }

    public void failed(ClientInfo client) {
        if (client.ipAddress() != null) {
            long fromIp = count("auth:alert:ip-failures:" + client.ipAddress(), Duration.ofMinutes(15));
            if (fromIp == IP_THRESHOLD) {
                security.atWarn().addKeyValue("alert", "CONSECUTIVE_LOGIN_FAILURES").addKeyValue("ip", client.ipAddress())
                        .log("Security alert: {} consecutive sign-in failures from one IP", IP_THRESHOLD);
            }
        }
        long bucket = clock.instant().getEpochSecond() / 300;
        long serviceWide = count("auth:alert:failures:" + bucket, Duration.ofMinutes(10));
        if (serviceWide == SERVICE_THRESHOLD + 1) {
            security.atWarn().addKeyValue("alert", "AUTH_FAILURE_SPIKE")
                    .log("Security alert: more than {} sign-in failures in 5 minutes", SERVICE_THRESHOLD);
        }
    }

    public void succeeded(ClientInfo client) {
        if (client.ipAddress() != null) {
            redis.delete("auth:alert:ip-failures:" + client.ipAddress());
        }
    }

    private long count(String key, Duration ttl) {
        Long value = redis.opsForValue().increment(key);
        if (value != null && value == 1) {
            redis.expire(key, ttl);
        }
        return value == null ? 0 : value;
    }
}
