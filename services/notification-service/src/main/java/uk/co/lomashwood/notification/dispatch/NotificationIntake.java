package uk.co.lomashwood.notification.dispatch;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.directory.DeviceTokens;
import uk.co.lomashwood.notification.gate.GateDecision;
import uk.co.lomashwood.notification.gate.Gatekeeper;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.message.StatusReason;
import uk.co.lomashwood.notification.template.RenderedMessage;
import uk.co.lomashwood.notification.template.StoredTemplate;
import uk.co.lomashwood.notification.template.TemplateRenderingException;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Spec 40 §1.4.4 steps 1–4: de-duplicate, record, gatekeep, render and queue one notification. Runs in the
 * caller's transaction (an event handler's inbox transaction or the API's); the actual send starts after commit.
 */
@Component
public class NotificationIntake {

    public record Accepted(UUID notificationId, NotificationStatus status, boolean replayed) {
    }

    private final JdbcClient jdbc;
    private final NotificationStore store;
    private final TemplateStore templates;
    private final MessageComposer composer;
    private final Gatekeeper gatekeeper;
    private final ContactDirectory directory;
    private final DeviceTokens devices;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    public NotificationIntake(JdbcClient jdbc, NotificationStore store, TemplateStore templates,
                              MessageComposer composer, Gatekeeper gatekeeper, ContactDirectory directory,
                              DeviceTokens devices, Dispatcher dispatcher, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.templates = templates;
        this.composer = composer;
        this.gatekeeper = gatekeeper;
        this.directory = directory;
        this.devices = devices;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    /** @throws UnknownTemplateException when no active template of that slug and channel exists */
    @Transactional
    public Accepted accept(NotificationRequest request) {
        var existing = store.byIdempotencyKey(request.idempotencyKey());
        if (existing.isPresent()) {
            return new Accepted(existing.get().id(), existing.get().status(), true);
        }
        // only ACTIVE templates send (spec 40 §1.4.3); an admin test send may try a draft
        StoredTemplate template = templates.bySlug(request.templateSlug())
                .filter(t -> t.definition().channel() == request.channel())
                .filter(t -> t.active() || request.exemptFromLimits())
                .orElseThrow(() -> new UnknownTemplateException(request.templateSlug(), request.channel()));
        Recipient recipient = resolve(request.recipient(), request.channel());
        Map<String, Object> variables = new HashMap<>(request.variables());
        if (variables.get("customerName") == null) {
            directory.firstName(recipient.userId()).ifPresent(name -> variables.put("customerName", name));
        }
        Outcome outcome = decide(request, template, recipient, variables);
        UUID id = Uuids.v7();
        if (!insert(id, request, template, recipient, variables, outcome)) {
            NotificationRow winner = store.byIdempotencyKey(request.idempotencyKey()).orElseThrow();
            return new Accepted(winner.id(), winner.status(), true);
        }
        jdbc.sql("""
                        INSERT INTO notification_logs (id, notification_id, event, status, message, occurred_at)
                        VALUES (?, ?, 'CREATED', 'PENDING', ?, ?), (?, ?, ?, ?, ?, ?)""")
                .params(Uuids.v7(), id, request.source().topic(), Timestamp.from(clock.instant()),
                        Uuids.v7(), id, outcome.status().name(), outcome.status().name(), outcome.message(),
                        Timestamp.from(clock.instant()))
                .update();
        if (outcome.status() == NotificationStatus.QUEUED) {
            dispatcher.submitAfterCommit(id);
        }
        return new Accepted(id, outcome.status(), false);
    }

    /** Where a new notification starts: gatekeeping and rendering happen before the single insert. */
    private record Outcome(NotificationStatus status, StatusReason reason, Instant scheduledAt,
                           RenderedMessage rendered, String message) {

        static Outcome of(NotificationStatus status, StatusReason reason) {
            return new Outcome(status, reason, null, null, null);
        }
    }

    private Outcome decide(NotificationRequest request, StoredTemplate template, Recipient recipient,
                           Map<String, Object> variables) {
        Channel channel = request.channel();
        String address = recipient.address(channel);
        if (address == null || (channel == Channel.PUSH && devices.activeTokens(recipient.userId()).isEmpty())) {
            return Outcome.of(NotificationStatus.SUPPRESSED, channel == Channel.PUSH && address != null
                    ? StatusReason.NO_ACTIVE_DEVICE : StatusReason.NO_RECIPIENT);
        }
        GateDecision decision = gatekeeper.check(channel, recipient, channel == Channel.PUSH ? null : address,
                template.definition().topic(), request.priority(), request.exemptFromLimits());
        if (decision.kind() == GateDecision.Kind.SUPPRESS) {
            return Outcome.of(NotificationStatus.SUPPRESSED, decision.reason());
        }
        RenderedMessage rendered;
        try {
            rendered = composer.render(template, recipient, address, variables);
        } catch (TemplateRenderingException e) {
            return new Outcome(NotificationStatus.FAILED, StatusReason.TEMPLATE_ERROR, null, null, e.getMessage());
        }
        Instant at = request.scheduledAt() != null && request.scheduledAt().isAfter(clock.instant())
                ? request.scheduledAt() : decision.until();
        if (at != null) {
            return new Outcome(NotificationStatus.SCHEDULED, null, at, rendered,
                    decision.reason() == null ? "requested" : decision.reason().name());
        }
        return new Outcome(NotificationStatus.QUEUED, null, null, rendered, null);
    }

    private Recipient resolve(Recipient recipient, Channel channel) {
        if (recipient.address(channel) != null || recipient.userId() == null) {
            return recipient;
        }
        String found = directory.primary(recipient.userId(), channel).map(ContactDirectory.Contact::address).orElse(null);
        return channel == Channel.EMAIL
                ? new Recipient(recipient.userId(), found, recipient.phone(), recipient.type())
                : new Recipient(recipient.userId(), recipient.email(), found, recipient.type());
    }

    /** @return false when a concurrent intake with the same key won */
    private boolean insert(UUID id, NotificationRequest request, StoredTemplate template, Recipient recipient,
                           Map<String, Object> variables, Outcome outcome) {
        NotificationRequest.SourceRef source = request.source();
        Timestamp now = Timestamp.from(clock.instant());
        RenderedMessage rendered = outcome.rendered();
        boolean failed = outcome.status() == NotificationStatus.FAILED;
        return jdbc.sql("""
                        INSERT INTO notifications (id, channel, status, status_reason, priority, category, recipient_id,
                            recipient_type, recipient_email, recipient_phone, template_id, template_slug,
                            template_version, subject, body, html_body, metadata, scheduled_at, max_retries,
                            last_error, last_error_at, failed_at, source_event_id, source_topic, source_entity_type,
                            source_entity_id, correlation_id, idempotency_key, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?,
                            ?, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(id, request.channel().name(), outcome.status().name(),
                        outcome.reason() == null ? null : outcome.reason().name(), request.priority().name(),
                        template.definition().category(), recipient.userId(), recipient.type().name(),
                        recipient.email(), recipient.phone(), template.id(), template.slug(), template.version(),
                        rendered == null ? null : rendered.subject(), rendered == null ? null : rendered.text(),
                        rendered == null ? null : rendered.html(),
                        json.writeValueAsString(composer.storedVariables(variables)),
                        outcome.scheduledAt() == null ? null : Timestamp.from(outcome.scheduledAt()),
                        RetryPolicy.of(request.channel(), request.priority()).maxAttempts(),
                        failed ? outcome.message() : null, failed ? now : null, failed ? now : null,
                        source.eventId(), source.topic(), source.entityType(), source.entityId(),
                        source.correlationId(), request.idempotencyKey(), now, now)
                .update() == 1;
    }
}
