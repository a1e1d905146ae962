package uk.co.lomashwood.notification.admin;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import uk.co.lomashwood.notification.dispatch.ProviderCircuits;
import uk.co.lomashwood.notification.dispatch.RetryPolicy;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.platform.core.security.Role;
import uk.co.lomashwood.platform.web.response.ApiResponse;
import uk.co.lomashwood.platform.web.security.RequireRole;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Read-only provider and retry-policy views (spec 40 §1.3): the configured providers of each channel in priority
 * order (no secrets), their circuit state, and the seeded retry policies. Providers and policies come from
 * configuration, so the PATCH endpoints of the spec are not offered.
 */
@RestController
@RequestMapping("/v1/admin/notifications")
@RequireRole(Role.ADMIN)
public class AdminProvidersController {

    public record Provider(String name, String type, String channel, String status, int priority, boolean isDefault) {
    }

    public record ProviderHealth(String name, String status, boolean healthy, Instant lastHealthCheckAt,
                                 int consecutiveFailures) {
    }

    public record ChannelHealth(String activeProvider, List<ProviderHealth> providers) {
    }

    public record Policy(String name, String channel, String strategy, int maxAttempts, long initialDelayMs,
                         long maxDelayMs, double multiplier, boolean isDefault) {
    }

    private static final Map<String, String> TYPES = Map.of("smtp", "AWS_SES", "smtp-relay", "SMTP",
            "twilio-sms", "TWILIO", "firebase-fcm", "FIREBASE_FCM");

    private final List<ChannelSender> senders;
    private final ProviderCircuits circuits;

    public AdminProvidersController(List<ChannelSender> senders, ProviderCircuits circuits) {
        this.senders = senders.stream().sorted(Comparator.comparingInt(ChannelSender::priority)).toList();
        this.circuits = circuits;
    }

    @GetMapping("/providers")
    public ApiResponse<Map<String, List<Provider>>> providers() {
        Map<String, List<Provider>> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            List<ChannelSender> of = of(channel);
            byChannel.put(channel.name(), of.stream().map(sender -> new Provider(sender.provider(),
                    TYPES.getOrDefault(sender.provider(), "LOCAL_SINK"), channel.name(), status(sender),
                    sender.priority(), sender == of.getFirst())).toList());
        }
        return ApiResponse.of(byChannel);
    }

    @GetMapping("/providers/health")
    public ApiResponse<Map<String, ChannelHealth>> health() {
        Map<String, ChannelHealth> byChannel = new LinkedHashMap<>();
        for (Channel channel : Channel.values()) {
            List<ProviderHealth> providers = of(channel).stream().map(sender -> {
                ProviderCircuits.Health health = circuits.health(sender.provider());
                return new ProviderHealth(sender.provider(), status(sender), !health.degraded(), null,
                        health.consecutiveFailures());
            }).toList();
            String active = providers.stream().filter(ProviderHealth::healthy).map(ProviderHealth::name).findFirst()
                    .orElse(null);
            byChannel.put(channel.name().toLowerCase(Locale.ROOT), new ChannelHealth(active, providers));
        }
        return ApiResponse.of(byChannel);
    }

    @GetMapping("/retry-policies")
    public ApiResponse<List<Policy>> retryPolicies() {
        return ApiResponse.list(RetryPolicy.all().stream().map(entry -> {
            RetryPolicy p = entry.getValue();
            String strategy = switch (p.strategy()) {
                case EXPONENTIAL -> "EXPONENTIAL_BACKOFF";
                case LINEAR -> "LINEAR_BACKOFF";
                case IMMEDIATE -> "IMMEDIATE";
            };
            return new Policy(p.name(), entry.getKey().name(), strategy, p.maxAttempts(), p.initial().toMillis(),
                    p.max().toMillis(), p.multiplier(), p.isDefault());
        }).toList());
    }

    private List<ChannelSender> of(Channel channel) {
        return senders.stream().filter(sender -> sender.channel() == channel).toList();
    }

    private String status(ChannelSender sender) {
        return circuits.health(sender.provider()).degraded() ? "DEGRADED" : "ACTIVE";
    }
}
