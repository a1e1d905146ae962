package uk.co.lomashwood.appointment.slot;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.ObjectMapper;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The 30 s availability cache of spec 30 §1.7. Each London date has a version counter
 * {@code appointment:availability:ver:{date}}; a grid key names the versions of all its dates, so any change to one
 * date retires every cached grid that covers it. A Redis outage only means computing the grid again.
 */
@Component
public class GridCache {

    private static final Logger log = LoggerFactory.getLogger(GridCache.class);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final Duration VERSION_TTL = Duration.ofDays(100);

    private final StringRedisTemplate redis;
    private final ObjectMapper json;

    public GridCache(StringRedisTemplate redis, ObjectMapper json) {
        this.redis = redis;
        this.json = json;
    }

    GridView get(GridQuery q, String variant, Supplier<GridView> compute) {
        Optional<String> key = key(q, variant);
        if (key.isPresent()) {
            try {
                String cached = redis.opsForValue().get(key.get());
                if (cached != null) {
                    return json.readValue(cached, GridView.class);
                }
            } catch (RuntimeException e) {
                log.debug("availability cache read failed: {}", e.getMessage());
            }
        }
        GridView view = compute.get();
        key.ifPresent(k -> {
            try {
                redis.opsForValue().set(k, json.writeValueAsString(view), TTL);
            } catch (RuntimeException e) {
                log.debug("availability cache write failed: {}", e.getMessage());
            }
        });
        return view;
    }

    /** Retires cached grids covering these dates once the current transaction commits (at once without one). */
    public void invalidate(LocalDate from, LocalDate to) {
        Runnable bump = () -> {
            try {
                for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
                    String key = "appointment:availability:ver:" + d;
                    redis.opsForValue().increment(key);
                    redis.expire(key, VERSION_TTL);
                }
            } catch (RuntimeException e) {
                log.warn("availability cache not invalidated ({}..{}), entries expire within {}: {}", from, to, TTL, e.getMessage());
            }
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    bump.run();
                }
            });
        } else {
            bump.run();
        }
    }

    private Optional<String> key(GridQuery q, String variant) {
        try {
            List<String> dates = new ArrayList<>();
            for (LocalDate d = q.from(); !d.isAfter(q.to()); d = d.plusDays(1)) {
                dates.add("appointment:availability:ver:" + d);
            }
            List<String> versions = redis.opsForValue().multiGet(dates);
            String v = versions == null ? "" : String.join(".", versions.stream().map(x -> x == null ? "0" : x).toList());
            return Optional.of("appointment:availability:" + q.from() + ":" + q.to() + ":v" + v + ":" + q.type() + ":"
                    + (q.showroomId() == null ? "any" : q.showroomId()) + ":" + (q.forKitchen() ? "k" : "") + (q.forBedroom() ? "b" : "")
                    + ":" + (q.postcode() == null ? "any" : q.postcode().replaceAll("\\s", "").toUpperCase(java.util.Locale.ROOT))
                    + ":" + (q.consultantId() == null ? "any" : q.consultantId()) + ":" + variant);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
