package uk.co.lomashwood.notification.campaign;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.dispatch.Dispatcher;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.template.StoredTemplate;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Campaigns (spec 40 §1.3, §1.4.10): a DRAFT or SCHEDULED campaign of one ACTIVE NEWSLETTER_CAMPAIGN or CUSTOM
 * template is launched (by an admin or when due) into one LOW-priority notification per audience member, each through
 * the normal gatekeeping (explicit opt-in, suppressions, rate limits). Its messages go out only while it is RUNNING;
 * it is COMPLETED when every message is final. Audiences: ALL_USERS (directory contacts of the channel, or active
 * devices for push) and CUSTOM_LIST; NEWSLETTER_SUBSCRIBERS and SEGMENT need content- and customer-service, which do
 * not exist yet, and are refused.
 */
@Component
public class Campaigns {

    public record Draft(@NotBlank @Size(max = 150) String name, @Size(max = 2000) String description,
                        @NotNull Channel channel, @NotNull UUID templateId, @NotBlank @Size(max = 30) String audienceType,
                        Map<String, Object> audienceFilter, @Size(max = 10_000) List<UUID> audienceList,
                        @Size(max = 100) Map<String, Object> variables, Instant scheduledAt) {
    }

    public record Change(@Size(min = 1, max = 150) String name, @Size(max = 2000) String description,
                         UUID templateId, @Size(max = 30) String audienceType, Map<String, Object> audienceFilter,
                         @Size(max = 10_000) List<UUID> audienceList, @Size(max = 100) Map<String, Object> variables,
                         Instant scheduledAt) {
    }

    public record Campaign(UUID id, String name, String description, String channel, String status, String audienceType,
                           Object audienceFilter, Object audienceList, UUID templateId, String templateSlug,
                           Object variables, Instant scheduledAt, Instant startedAt, Instant completedAt,
                           Instant cancelledAt, int totalRecipients, Stats stats, Instant createdAt, Instant updatedAt) {
    }

    public record Stats(long recipients, long sent, long delivered, long failed, long bounced, long opened, long clicked,
                        long unsubscribed, BigDecimal deliveryRate, BigDecimal openRate, BigDecimal clickRate,
                        BigDecimal unsubscribeRate) {
    }

    private static final Set<String> AUDIENCES = Set.of("ALL_USERS", "CUSTOM_LIST", "NEWSLETTER_SUBSCRIBERS", "SEGMENT");
    private static final Set<String> CATEGORIES = Set.of("NEWSLETTER_CAMPAIGN", "CUSTOM");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TemplateStore templates;
    private final NotificationIntake intake;
    private final Dispatcher dispatcher;
    private final ObjectMapper json;
    private final Clock clock;

    public Campaigns(JdbcClient jdbc, TransactionTemplate transactions, TemplateStore templates,
                     NotificationIntake intake, Dispatcher dispatcher, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.templates = templates;
        this.intake = intake;
        this.dispatcher = dispatcher;
        this.json = json;
        this.clock = clock;
    }

    public UUID create(UUID by, Draft draft) {
        template(draft.templateId(), draft.channel());
        audience(draft.audienceType(), draft.audienceFilter(), draft.audienceList());
        schedule(draft.scheduledAt());
        UUID id = Uuids.v7();
        Timestamp now = Timestamp.from(clock.instant());
        transactions.executeWithoutResult(status -> {
            jdbc.sql("""
                            INSERT INTO campaigns (id, name, description, channel, status, audience_type, audience_filter,
                                audience_list, scheduled_at, created_by, updated_by, created_at, updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb), ?, ?, ?, ?, ?)""")
                    .params(id, draft.name(), draft.description(), draft.channel().name(),
                            draft.scheduledAt() == null ? "DRAFT" : "SCHEDULED", draft.audienceType(),
                            write(draft.audienceFilter()), write(draft.audienceList()), ts(draft.scheduledAt()), by, by,
                            now, now)
                    .update();
            jdbc.sql("INSERT INTO campaign_templates (id, campaign_id, template_id, variables) VALUES (?, ?, ?, CAST(? AS jsonb))")
                    .params(Uuids.v7(), id, draft.templateId(), write(draft.variables())).update();
        });
        return id;
    }

    public void change(UUID by, UUID id, Change change) {
        transactions.executeWithoutResult(status -> {
            Campaign current = locked(id);
            if (!Set.of("DRAFT", "SCHEDULED").contains(current.status())) {
                throw new ApiException(ErrorCode.CAMPAIGN_NOT_EDITABLE, "Only DRAFT or SCHEDULED campaigns can be edited.");
            }
            String audienceType = change.audienceType() != null ? change.audienceType() : current.audienceType();
            List<UUID> list = change.audienceList() != null ? change.audienceList()
                    : current.audienceList() == null ? null : List.of(json.convertValue(current.audienceList(), UUID[].class));
            Object filter = change.audienceFilter() != null ? change.audienceFilter() : current.audienceFilter();
            audience(audienceType, filter, list);
            if (change.templateId() != null) {
                template(change.templateId(), Channel.valueOf(current.channel()));
                jdbc.sql("UPDATE campaign_templates SET template_id = ? WHERE campaign_id = ?")
                        .params(change.templateId(), id).update();
            }
            if (change.variables() != null) {
                jdbc.sql("UPDATE campaign_templates SET variables = CAST(? AS jsonb) WHERE campaign_id = ?")
                        .params(write(change.variables()), id).update();
            }
            Instant scheduledAt = change.scheduledAt() != null ? change.scheduledAt() : current.scheduledAt();
            if (change.scheduledAt() != null) {
                schedule(change.scheduledAt());
            }
            jdbc.sql("""
                            UPDATE campaigns SET name = COALESCE(?, name), description = COALESCE(?, description),
                                audience_type = ?, audience_filter = CAST(? AS jsonb), audience_list = CAST(? AS jsonb),
                                scheduled_at = ?, status = ?, updated_by = ?, updated_at = ? WHERE id = ?""")
                    .params(change.name(), change.description(), audienceType, write(filter), write(list),
                            ts(scheduledAt), scheduledAt == null ? "DRAFT" : "SCHEDULED", by,
                            Timestamp.from(clock.instant()), id)
                    .update();
        });
    }

    public void delete(UUID by, UUID id) {
        transactions.executeWithoutResult(status -> {
            if (Set.of("RUNNING", "PAUSED").contains(locked(id).status())) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Cancel the campaign before deleting it.");
            }
            jdbc.sql("UPDATE campaigns SET deleted_at = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), by, Timestamp.from(clock.instant()), id).update();
        });
    }

    /** Resolves the audience and creates the messages; they start going out when the transaction commits. */
    public void launch(UUID by, UUID id) {
        transactions.executeWithoutResult(status -> {
            Campaign campaign = locked(id);
            if (!Set.of("DRAFT", "SCHEDULED").contains(campaign.status())) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Only a DRAFT or SCHEDULED campaign can be launched.");
            }
            StoredTemplate template = template(campaign.templateId(), Channel.valueOf(campaign.channel()));
            List<UUID> audience = members(campaign);
            jdbc.sql("UPDATE campaigns SET status = 'RUNNING', started_at = ?, total_recipients = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), audience.size(), by, Timestamp.from(clock.instant()), id)
                    .update();
            Map<String, Object> variables = campaign.variables() == null ? Map.of()
                    : json.convertValue(campaign.variables(), Map.class);
            Channel channel = Channel.valueOf(campaign.channel());
            for (UUID userId : audience) {
                NotificationIntake.Accepted accepted = intake.accept(new NotificationRequest(template.slug(), channel,
                        Recipient.customer(userId, null, null), variables, Priority.LOW, null,
                        new NotificationRequest.SourceRef(null, null, "CAMPAIGN", id.toString(), null),
                        "campaign:" + id + ":" + userId, false));
                jdbc.sql("UPDATE notifications SET campaign_id = ? WHERE id = ?").params(id, accepted.notificationId())
                        .update();
            }
        });
    }

    public void pause(UUID by, UUID id) {
        move(by, id, Set.of("RUNNING"), "PAUSED", "Only a RUNNING campaign can be paused.");
    }

    public void resume(UUID by, UUID id) {
        move(by, id, Set.of("PAUSED"), "RUNNING", "Only a PAUSED campaign can be resumed.");
        jdbc.sql("SELECT id FROM notifications WHERE campaign_id = ? AND status = 'QUEUED'").param(id)
                .query(UUID.class).list().forEach(dispatcher::submit);
    }

    public void cancel(UUID by, UUID id) {
        transactions.executeWithoutResult(status -> {
            Campaign campaign = locked(id);
            if (Set.of("COMPLETED", "CANCELLED", "FAILED").contains(campaign.status())) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "The campaign has already ended.");
            }
            jdbc.sql("UPDATE campaigns SET status = 'CANCELLED', cancelled_at = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                    .params(Timestamp.from(clock.instant()), by, Timestamp.from(clock.instant()), id).update();
            jdbc.sql("""
                            UPDATE notifications SET status = 'CANCELLED', status_reason = 'CANCELLED_BY_ADMIN', updated_at = ?
                            WHERE campaign_id = ? AND status IN ('PENDING', 'SCHEDULED', 'QUEUED')""")
                    .params(Timestamp.from(clock.instant()), id).update();
        });
    }

    public Campaign get(UUID id) {
        return find(id).orElseThrow(() -> new ApiException(ErrorCode.CAMPAIGN_NOT_FOUND, "No such campaign."));
    }

    public OffsetPage<Campaign> list(String status, Channel channel, PageRequest page) {
        List<Object> params = new ArrayList<>();
        String where = " WHERE deleted_at IS NULL";
        if (status != null) {
            where += " AND status = ?";
            params.add(status.toUpperCase(java.util.Locale.ROOT));
        }
        if (channel != null) {
            where += " AND channel = ?";
            params.add(channel.name());
        }
        long total = jdbc.sql("SELECT count(*) FROM campaigns" + where).params(params).query(Long.class).single();
        List<Object> paged = new ArrayList<>(params);
        paged.add(page.limit());
        paged.add(page.offset());
        List<Campaign> items = jdbc.sql("SELECT id FROM campaigns" + where + " ORDER BY created_at DESC LIMIT ? OFFSET ?")
                .params(paged).query(UUID.class).list().stream().map(this::get).toList();
        return new OffsetPage<>(items, page.page(), page.limit(), total);
    }

    /** campaign-scheduler (spec 40 §1.6): launches due SCHEDULED campaigns, completes finished RUNNING ones. */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public void tick() {
        jdbc.sql("SELECT id FROM campaigns WHERE status = 'SCHEDULED' AND scheduled_at <= ? AND deleted_at IS NULL")
                .param(Timestamp.from(clock.instant())).query(UUID.class).list().forEach(id -> {
                    try {
                        launch(null, id);
                    } catch (ApiException e) {
                        // launched by another instance or by an admin meanwhile
                    }
                });
        jdbc.sql("""
                        UPDATE campaigns c SET status = 'COMPLETED', completed_at = ?, updated_at = ?
                        WHERE status = 'RUNNING' AND NOT EXISTS (SELECT 1 FROM notifications n WHERE n.campaign_id = c.id
                            AND (n.status IN ('PENDING', 'SCHEDULED', 'QUEUED', 'PROCESSING')
                                 OR (n.status IN ('FAILED', 'DEAD_LETTERED') AND n.status_reason IS NULL)))""")
                .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant())).update();
    }

    // ---- internals ----

    private void move(UUID by, UUID id, Set<String> from, String to, String refusal) {
        transactions.executeWithoutResult(status -> {
            if (!from.contains(locked(id).status())) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, refusal);
            }
            jdbc.sql("UPDATE campaigns SET status = ?, updated_by = ?, updated_at = ? WHERE id = ?")
                    .params(to, by, Timestamp.from(clock.instant()), id).update();
        });
    }

    private List<UUID> members(Campaign campaign) {
        if ("CUSTOM_LIST".equals(campaign.audienceType())) {
            return List.of(json.convertValue(campaign.audienceList(), UUID[].class)).stream().distinct().toList();
        }
        if ("PUSH".equals(campaign.channel())) {
            return jdbc.sql("SELECT DISTINCT user_id FROM push_device_tokens WHERE is_active").query(UUID.class).list();
        }
        return jdbc.sql("SELECT DISTINCT user_id FROM notification_subscriptions WHERE channel = ? AND status = 'SUBSCRIBED'")
                .param(campaign.channel()).query(UUID.class).list();
    }

    private StoredTemplate template(UUID templateId, Channel channel) {
        StoredTemplate template = templates.byId(templateId).filter(StoredTemplate::active)
                .orElseThrow(() -> ApiException.reference(ErrorCode.TEMPLATE_NOT_FOUND, "No ACTIVE template with this id."));
        if (template.definition().channel() != channel || !CATEGORIES.contains(template.definition().category())) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR,
                    "templateId must be a " + channel + " template of category NEWSLETTER_CAMPAIGN or CUSTOM");
        }
        return template;
    }

    private static void audience(String type, Object filter, List<UUID> list) {
        if (!AUDIENCES.contains(type)) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "audienceType must be one of " + AUDIENCES);
        }
        if ("NEWSLETTER_SUBSCRIBERS".equals(type) || "SEGMENT".equals(type)) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "audienceType " + type
                    + " needs content- or customer-service, which are not available yet");
        }
        if ("CUSTOM_LIST".equals(type) && (list == null || list.isEmpty())) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "audienceList needs 1 to 10000 user ids for CUSTOM_LIST");
        }
    }

    private void schedule(Instant at) {
        if (at != null && at.isBefore(clock.instant().plus(Duration.ofMinutes(5)))) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "scheduledAt must be at least 5 minutes ahead");
        }
    }

    private Campaign locked(UUID id) {
        jdbc.sql("SELECT id FROM campaigns WHERE id = ? AND deleted_at IS NULL FOR UPDATE").param(id).query(UUID.class)
                .optional().orElseThrow(() -> new ApiException(ErrorCode.CAMPAIGN_NOT_FOUND, "No such campaign."));
        return get(id);
    }

    private java.util.Optional<Campaign> find(UUID id) {
        return jdbc.sql("""
                        SELECT c.id, c.name, c.description, c.channel, c.status, c.audience_type,
                            c.audience_filter::text AS filter, c.audience_list::text AS list, t.template_id,
                            nt.slug, t.variables::text AS variables, c.scheduled_at, c.started_at, c.completed_at,
                            c.cancelled_at, c.total_recipients, c.created_at, c.updated_at
                        FROM campaigns c JOIN campaign_templates t ON t.campaign_id = c.id
                        JOIN notification_templates nt ON nt.id = t.template_id
                        WHERE c.id = ? AND c.deleted_at IS NULL""")
                .param(id)
                .query((rs, n) -> new Campaign(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("description"), rs.getString("channel"), rs.getString("status"),
                        rs.getString("audience_type"), read(rs.getString("filter")), read(rs.getString("list")),
                        rs.getObject("template_id", UUID.class), rs.getString("slug"), read(rs.getString("variables")),
                        instant(rs.getTimestamp("scheduled_at")), instant(rs.getTimestamp("started_at")),
                        instant(rs.getTimestamp("completed_at")), instant(rs.getTimestamp("cancelled_at")),
                        rs.getInt("total_recipients"), stats(rs.getObject("id", UUID.class), rs.getInt("total_recipients")),
                        instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at"))))
                .optional();
    }

    private Stats stats(UUID id, long recipients) {
        Map<String, Object> row = jdbc.sql("""
                        SELECT count(*) FILTER (WHERE sent_at IS NOT NULL) AS sent,
                            count(*) FILTER (WHERE status = 'DELIVERED') AS delivered,
                            count(*) FILTER (WHERE status IN ('FAILED', 'DEAD_LETTERED')) AS failed,
                            count(*) FILTER (WHERE status = 'BOUNCED') AS bounced,
                            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_reports r WHERE r.notification_id = n.id
                                AND r.status = 'OPENED')) AS opened,
                            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM delivery_reports r WHERE r.notification_id = n.id
                                AND r.status = 'CLICKED')) AS clicked,
                            count(*) FILTER (WHERE status = 'SUPPRESSED' AND status_reason IN ('UNSUBSCRIBED',
                                'PREFERENCE_OPT_OUT')) AS unsubscribed
                        FROM notifications n WHERE campaign_id = ?""")
                .param(id).query().singleRow();
        long sent = n(row, "sent");
        long delivered = n(row, "delivered");
        return new Stats(recipients, sent, delivered, n(row, "failed"), n(row, "bounced"), n(row, "opened"),
                n(row, "clicked"), n(row, "unsubscribed"), rate(delivered, sent), rate(n(row, "opened"), delivered),
                rate(n(row, "clicked"), delivered), rate(n(row, "unsubscribed"), recipients));
    }

    private String write(Object value) {
        return value == null ? null : json.writeValueAsString(value);
    }

    private Object read(String value) {
        return value == null ? null : json.readTree(value);
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    private static long n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private static BigDecimal rate(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO.setScale(2) : BigDecimal.valueOf(part * 100L)
                .divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
