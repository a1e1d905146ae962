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
        StoredTemplate template = templates.bySlug(request.templateSlug())
                .filter(t -> t.definition().channel() == request.channel())
                .orElseThrow(() -> new UnknownTemplateException(request.templateSlug(), request.channel()));
        Recipient recipient = resolve(request.recipient(), request.channel());
        Map<String, Object> variables = new HashMap<>(request.variables());
        if (variables.get("customerName") == null) {
            directory.firstName(recipient.userId()).ifPresent(name -> variables.put("customerName", name));
        }
        UUID id = Uuids.v7();
        if (!insert(id, request, template, recipient, variables)) {
            NotificationRow winner = store.byIdempotencyKey(request.idempotencyKey()).orElseThrow();
            return new Accepted(winner.id(), winner.status(), true);
        }
        store.log(id, "CREATED", NotificationStatus.PENDING, request.source().topic());
        return new Accepted(id, gateAndQueue(id, request, template, recipient, variables), false);
    }

    private NotificationStatus gateAndQueue(UUID id, NotificationRequest request, StoredTemplate template,
                                            Recipient recipient, Map<String, Object> variables) {
        Channel channel = request.channel();
        String address = recipient.address(channel);
        if (address == null || (channel == Channel.PUSH && devices.activeTokens(recipient.userId()).isEmpty())) {
            StatusReason reason = channel == Channel.PUSH && address != null ? StatusReason.NO_ACTIVE_DEVICE
                    : StatusReason.NO_RECIPIENT;
            store.transition(id, NotificationStatus.SUPPRESSED, reason.name(), null);
            return NotificationStatus.SUPPRESSED;
        }
        GateDecision decision = gatekeeper.check(channel, recipient, channel == Channel.PUSH ? null : address,
                template.definition().topic(), request.priority(), request.exemptFromLimits());
        if (decision.kind() == GateDecision.Kind.SUPPRESS) {
            store.transition(id, NotificationStatus.SUPPRESSED, decision.reason().name(), null);
            return NotificationStatus.SUPPRESSED;
        }
        try {
            RenderedMessage rendered = composer.render(template, recipient, address, variables);
            jdbc.sql("UPDATE notifications SET subject = ?, body = ?, html_body = ?, metadata = CAST(? AS jsonb) WHERE id = ?")
                    .params(rendered.subject(), rendered.text(), rendered.html(),
                            json.writeValueAsString(composer.storedVariables(variables)), id).update();
        } catch (TemplateRenderingException e) {
            store.failed(id, NotificationStatus.FAILED, StatusReason.TEMPLATE_ERROR.name(), 0, null, e.getMessage());
            return NotificationStatus.FAILED;
        }
        java.time.Instant at = request.scheduledAt() != null && request.scheduledAt().isAfter(clock.instant())
                ? request.scheduledAt() : decision.until();
        if (at != null) {
            store.schedule(id, at, decision.reason() == null ? "requested" : decision.reason().name());
            return NotificationStatus.SCHEDULED;
        }
        store.transition(id, NotificationStatus.QUEUED, null, null);
        dispatcher.submitAfterCommit(id);
        return NotificationStatus.QUEUED;
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
                           Map<String, Object> variables) {
        NotificationRequest.SourceRef source = request.source();
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        INSERT INTO notifications (id, channel, status, priority, category, recipient_id, recipient_type,
                            recipient_email, recipient_phone, template_id, template_slug, template_version, metadata,
                            max_retries, source_event_id, source_topic, source_entity_type, source_entity_id,
                            correlation_id, idempotency_key, created_at, updated_at)
                        VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (idempotency_key) DO NOTHING""")
                .params(id, request.channel().name(), request.priority().name(), template.definition().category(),
                        recipient.userId(), recipient.type().name(), recipient.email(), recipient.phone(),
                        template.id(), template.slug(), template.version(),
                        json.writeValueAsString(composer.storedVariables(variables)),
                        RetryPolicy.of(request.channel(), request.priority()).maxAttempts(),
                        source.eventId(), source.topic(), source.entityType(), source.entityId(),
                        source.correlationId(), request.idempotencyKey(), now, now)
                .update() == 1;
    }
}
