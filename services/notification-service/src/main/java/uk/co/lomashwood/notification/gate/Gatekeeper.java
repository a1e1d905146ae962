package uk.co.lomashwood.notification.gate;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.PreferenceTopic;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.message.StatusReason;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * Spec 40 §1.4.4 step 2, in order: staff bypass → suppression list → restricted processing (mandatory messages
 * only) → preference → per-recipient rate limit →
 * quiet hours (SMS and push only, NORMAL and LOW only).
 */
@Component
public class Gatekeeper {

    private final Suppressions suppressions;
    private final Preferences preferences;
    private final RecipientRateLimiter rateLimiter;
    private final Restrictions restrictions;
    private final Clock clock;

    public Gatekeeper(Suppressions suppressions, Preferences preferences, RecipientRateLimiter rateLimiter,
                      Restrictions restrictions, Clock clock) {
        this.suppressions = suppressions;
        this.preferences = preferences;
        this.rateLimiter = rateLimiter;
        this.restrictions = restrictions;
        this.clock = clock;
    }

    /** @param address the email or phone (null for push) */
    public GateDecision check(Channel channel, Recipient recipient, String address, PreferenceTopic topic,
                              Priority priority, boolean exemptFromLimits) {
        if (recipient.type().staff()) {
            return GateDecision.PROCEED;
        }
        if (address != null && suppressions.suppressed(channel, address, topic)) {
            return GateDecision.suppress(topic == null ? StatusReason.ADDRESS_SUPPRESSED : StatusReason.UNSUBSCRIBED);
        }
        if (topic != null && restrictions.restricted(recipient.userId())) {
            return GateDecision.suppress(StatusReason.PREFERENCE_OPT_OUT);
        }
        if (!preferences.allowed(recipient.userId(), channel, topic)) {
            return GateDecision.suppress(StatusReason.PREFERENCE_OPT_OUT);
        }
        if (priority != Priority.CRITICAL && !exemptFromLimits) {
            String key = recipient.userId() != null ? recipient.userId().toString() : Addresses.hash(address);
            Optional<Instant> freeAt = rateLimiter.tryAcquire(channel, key);
            if (freeAt.isPresent()) {
                boolean tooLate = freeAt.get().isAfter(clock.instant().plus(Duration.ofHours(24)));
                return priority == Priority.LOW || tooLate ? GateDecision.suppress(StatusReason.RECIPIENT_RATE_LIMITED)
                        : GateDecision.schedule(StatusReason.RECIPIENT_RATE_LIMITED, freeAt.get());
            }
        }
        if (channel != Channel.EMAIL && !priority.urgent()) {
            return quietHours(channel, recipient);
        }
        return GateDecision.PROCEED;
    }

    private GateDecision quietHours(Channel channel, Recipient recipient) {
        Preferences.QuietHours hours = preferences.quietHours(recipient.userId(), channel);
        if (!hours.enabled()) {
            return GateDecision.PROCEED;
        }
        ZonedDateTime now = clock.instant().atZone(ZoneId.of(hours.timezone()));
        LocalTime start = LocalTime.parse(hours.start());
        LocalTime end = LocalTime.parse(hours.end());
        LocalTime time = now.toLocalTime();
        boolean inside = start.isBefore(end) ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
        if (!inside) {
            return GateDecision.PROCEED;
        }
        ZonedDateTime until = now.with(end);
        if (!until.isAfter(now)) {
            until = until.plusDays(1);
        }
        return GateDecision.schedule(StatusReason.QUIET_HOURS, until.toInstant());
    }
}
