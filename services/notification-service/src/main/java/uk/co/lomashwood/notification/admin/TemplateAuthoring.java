package uk.co.lomashwood.notification.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.template.Handlebars;
import uk.co.lomashwood.notification.template.TemplateCategories;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Writing templates through the admin API (spec 40 §1.3 "Admin — templates", §1.4.3): create (DRAFT, version 1),
 * content edits (version + 1 with a snapshot, the last 50 kept), publish, archive, restore, soft delete and the
 * version history. Admin templates use the logic-less {@link Handlebars} subset; system templates are reviewed files
 * and can be neither edited, archived nor deleted here (409 {@code TEMPLATE_IN_USE}).
 */
@Component
public class TemplateAuthoring {

    public record Variable(@NotBlank @Size(max = 50) @Pattern(regexp = "^[a-zA-Z_][a-zA-Z0-9_]*$") String key,
                           @NotBlank @Size(max = 200) String description, Boolean required, Object defaultValue,
                           @Size(max = 20) String type) {
    }

    /** Channel content of §1.2; only the fields of the template's channel may be given. */
    public record Content(@Size(max = 255) String subject, @Size(max = 255) String preheader,
                          @Size(max = 524_288) String htmlBody, @Size(max = 65_536) String textBody,
                          @Size(max = 1600) String smsBody, @Size(max = 20) String smsFrom,
                          @Size(max = 100) String pushTitle, @Size(max = 500) String pushBody,
                          @Size(max = 2048) String pushIcon, @Size(max = 2048) String pushImage,
                          @Size(max = 50) Map<String, @Size(max = 1000) String> pushData) {
    }

    public record CreateTemplate(@NotBlank @Size(max = 150) String name,
                                 @NotBlank @Size(max = 100) @Pattern(regexp = "^[a-z0-9]+(?:-[a-z0-9]+)*$",
                                         message = "must be kebab-case") String slug,
                                 @NotNull Channel channel, @NotBlank @Size(max = 50) String category,
                                 @Size(max = 2000) String description, @Size(max = 255) String subject,
                                 @Size(max = 255) String preheader, @Size(max = 524_288) String htmlBody,
                                 @Size(max = 65_536) String textBody, @Size(max = 1600) String smsBody,
                                 @Size(max = 20) String smsFrom, @Size(max = 100) String pushTitle,
                                 @Size(max = 500) String pushBody, @Size(max = 2048) String pushIcon,
                                 @Size(max = 2048) String pushImage,
                                 @Size(max = 50) Map<String, @Size(max = 1000) String> pushData,
                                 @Size(max = 100) List<@Valid Variable> variables) {

        Content content() {
            return new Content(subject, preheader, htmlBody, textBody, smsBody, smsFrom, pushTitle, pushBody, pushIcon,
                    pushImage, pushData);
        }
    }

    /** {@code slug} and {@code channel} are immutable: as unknown fields they answer 400. */
    public record PatchTemplate(@Size(min = 1, max = 150) String name, @Size(max = 2000) String description,
                                @Size(max = 50) String category, @Size(max = 255) String subject,
                                @Size(max = 255) String preheader, @Size(max = 524_288) String htmlBody,
                                @Size(max = 65_536) String textBody, @Size(max = 1600) String smsBody,
                                @Size(max = 20) String smsFrom, @Size(max = 100) String pushTitle,
                                @Size(max = 500) String pushBody, @Size(max = 2048) String pushIcon,
                                @Size(max = 2048) String pushImage,
                                @Size(max = 50) Map<String, @Size(max = 1000) String> pushData,
                                @Size(max = 100) List<@Valid Variable> variables) {

        boolean empty() {
            return name == null && description == null && category == null && variables == null
                    && content().equals(new Content(null, null, null, null, null, null, null, null, null, null, null));
        }

        Content content() {
            return new Content(subject, preheader, htmlBody, textBody, smsBody, smsFrom, pushTitle, pushBody, pushIcon,
                    pushImage, pushData);
        }
    }

    public record Version(int version, String subject, UUID createdBy, Instant createdAt) {
    }

    public record VersionDetail(int version, String subject, String preheader, String htmlBody, String textBody,
                                Object variables, UUID createdBy, Instant createdAt) {
    }

    private static final int KEPT_VERSIONS = 50;
    /** Injected for every message (§1.4.3), so never required of the caller. */
    private static final Set<String> GLOBALS = Set.of("baseUrl", "currentYear", "privacyUrl", "supportEmail",
            "unsubscribeUrl", "brandName");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final TemplateStore templates;
    private final ObjectMapper json;
    private final Clock clock;

    public TemplateAuthoring(JdbcClient jdbc, TransactionTemplate transactions, TemplateStore templates,
                             ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.templates = templates;
        this.json = json;
        this.clock = clock;
    }

    public UUID create(UUID by, CreateTemplate request) {
        category(request.category());
        Stored content = stored(request.channel(), request.content(), request.variables());
        UUID id = Uuids.v7();
        changing(() -> {
            if (jdbc.sql("SELECT count(*) FROM notification_templates WHERE slug = ? OR name = ?")
                    .params(request.slug(), request.name()).query(Long.class).single() > 0) {
                throw new ApiException(ErrorCode.SLUG_ALREADY_EXISTS, "A template with this slug or name exists.");
            }
            Timestamp now = Timestamp.from(clock.instant());
            jdbc.sql("""
                            INSERT INTO notification_templates (id, name, slug, description, category, channel, status,
                                subject, preheader, html_body, text_body, sms_from, push_icon, push_image, push_data,
                                variables, engine, version, content_hash, is_system, created_by, updated_by, created_at,
                                updated_at)
                            VALUES (?, ?, ?, ?, ?, ?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb),
                                'handlebars', 1, ?, false, ?, ?, ?, ?)""")
                    .params(id, request.name(), request.slug(), request.description(), request.category(),
                            request.channel().name(), content.subject(), content.preheader(), content.html(),
                            content.text(), content.smsFrom(), content.pushIcon(), content.pushImage(),
                            content.pushData(), content.variables(), content.hash(), by, by, now, now)
                    .update();
            snapshot(id, 1, content, by);
            return null;
        });
        return id;
    }

    public void patch(UUID by, UUID id, PatchTemplate request) {
        if (request.empty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Give at least one field to change.");
        }
        if (request.category() != null) {
            category(request.category());
        }
        changing(() -> {
            Map<String, Object> row = editable(id);
            Channel channel = Channel.valueOf((String) row.get("channel"));
            Content merged = merge(channel, row, request.content());
            List<Variable> variables = request.variables() != null ? request.variables() : declared(row);
            Stored content = stored(channel, merged, variables);
            boolean changed = !content.hash().equals(row.get("content_hash"));
            int version = ((Number) row.get("version")).intValue() + (changed ? 1 : 0);
            jdbc.sql("""
                            UPDATE notification_templates SET name = COALESCE(?, name), description = COALESCE(?, description),
                                category = COALESCE(?, category), subject = ?, preheader = ?, html_body = ?, text_body = ?,
                                sms_from = ?, push_icon = ?, push_image = ?, push_data = CAST(? AS jsonb),
                                variables = CAST(? AS jsonb), content_hash = ?, version = ?, updated_by = ?, updated_at = ?
                            WHERE id = ?""")
                    .params(request.name(), request.description(), request.category(), content.subject(),
                            content.preheader(), content.html(), content.text(), content.smsFrom(), content.pushIcon(),
                            content.pushImage(), content.pushData(), content.variables(), content.hash(), version, by,
                            Timestamp.from(clock.instant()), id)
                    .update();
            if (changed) {
                snapshot(id, version, content, by);
            }
            return null;
        });
    }

    public void publish(UUID by, UUID id) {
        lifecycle(by, id, row -> {
            if ("ARCHIVED".equals(row.get("status"))) {
                throw new ApiException(ErrorCode.TEMPLATE_ARCHIVED, "Restore the template before publishing it.");
            }
        }, "ACTIVE", "published_at = COALESCE(published_at, ?)");
    }

    public void archive(UUID by, UUID id) {
        lifecycle(by, id, row -> {
            system(row);
            if ("ARCHIVED".equals(row.get("status"))) {
                throw new ApiException(ErrorCode.TEMPLATE_ARCHIVED, "The template is already archived.");
            }
        }, "ARCHIVED", "archived_at = ?");
    }

    public void restore(UUID by, UUID id) {
        lifecycle(by, id, row -> {
            if (!"ARCHIVED".equals(row.get("status"))) {
                throw new ApiException(ErrorCode.INVALID_STATUS_TRANSITION, "Only an archived template can be restored.");
            }
        }, "DRAFT", "archived_at = NULL");
    }

    public void delete(UUID by, UUID id) {
        lifecycle(by, id, row -> {
            system(row);
            if (row.get("published_at") != null || jdbc.sql("SELECT count(*) FROM campaign_templates WHERE template_id = ?")
                    .param(id).query(Long.class).single() > 0) {
                throw new ApiException(ErrorCode.TEMPLATE_IN_USE,
                        "A template that was ever published or is used by a campaign is kept; archive it.");
            }
        }, null, "deleted_at = ?");
    }

    /** Locks the row, lets {@code refuse} object, then sets the status (null: unchanged) and {@code extra}. */
    private void lifecycle(UUID by, UUID id, java.util.function.Consumer<Map<String, Object>> refuse, String status,
                           String extra) {
        changing(() -> {
            Map<String, Object> row = locked(id);
            refuse.accept(row);
            status(id, status == null ? (String) row.get("status") : status, extra, by);
            return null;
        });
    }

    public List<Version> versions(UUID id) {
        exists(id);
        return jdbc.sql("""
                        SELECT version, subject, created_by, created_at FROM notification_template_versions
                        WHERE template_id = ? ORDER BY version DESC LIMIT 50""")
                .param(id).query((rs, n) -> new Version(rs.getInt(1), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4).toInstant())).list();
    }

    public VersionDetail version(UUID id, int version) {
        exists(id);
        return jdbc.sql("""
                        SELECT version, subject, preheader, html_body, text_body, variables::text, created_by, created_at
                        FROM notification_template_versions WHERE template_id = ? AND version = ?""")
                .params(id, version)
                .query((rs, n) -> new VersionDetail(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), json.readTree(rs.getString(6)), rs.getObject(7, UUID.class),
                        rs.getTimestamp(8).toInstant()))
                .optional().orElseThrow(() -> new ApiException(ErrorCode.TEMPLATE_VERSION_NOT_FOUND,
                        "No such version of this template."));
    }

    // ---- internals ----

    private record Stored(String subject, String preheader, String html, String text, String smsFrom, String pushIcon,
                          String pushImage, String pushData, String variables, String hash) {
    }

    /** Runs a change in one transaction, then refreshes the in-memory templates this instance sends with. */
    private void changing(Supplier<Void> change) {
        transactions.execute(status -> change.get());
        templates.reload();
    }

    private Stored stored(Channel channel, Content c, List<Variable> declared) {
        List<String> problems = new ArrayList<>();
        switch (channel) {
            case EMAIL -> {
                need(problems, c.subject(), "subject");
                need(problems, c.htmlBody(), "htmlBody");
                none(problems, c, Set.of("smsBody", "smsFrom", "pushTitle", "pushBody", "pushIcon", "pushImage", "pushData"));
            }
            case SMS -> {
                need(problems, c.smsBody(), "smsBody");
                none(problems, c, Set.of("subject", "preheader", "htmlBody", "textBody", "pushTitle", "pushBody",
                        "pushIcon", "pushImage", "pushData"));
            }
            case PUSH -> {
                need(problems, c.pushTitle(), "pushTitle");
                need(problems, c.pushBody(), "pushBody");
                none(problems, c, Set.of("subject", "preheader", "htmlBody", "textBody", "smsBody", "smsFrom"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, String.join("; ", problems));
        }
        String subject = channel == Channel.PUSH ? c.pushTitle() : c.subject();
        String text = switch (channel) {
            case EMAIL -> c.textBody() != null ? c.textBody() : textOf(c.htmlBody());
            case SMS -> c.smsBody();
            case PUSH -> c.pushBody();
        };
        for (String part : new String[] {subject, c.preheader(), c.htmlBody(), text}) {
            String problem = Handlebars.problem(part);
            if (problem != null) {
                throw new ApiException(ErrorCode.TEMPLATE_INVALID_SYNTAX, "The template does not compile: " + problem);
            }
        }
        String variables = json.writeValueAsString(variables(declared, subject, c.htmlBody(), text));
        String pushData = c.pushData() == null ? null : json.writeValueAsString(c.pushData());
        String hash = sha256(String.join("\u0000", String.valueOf(subject), String.valueOf(c.preheader()),
                String.valueOf(c.htmlBody()), String.valueOf(text), variables));
        return new Stored(subject, c.preheader(), c.htmlBody(), text, c.smsFrom(), c.pushIcon(), c.pushImage(),
                pushData, variables, hash);
    }

    /** Declared variables, plus every placeholder used but not declared (required, string). */
    private static List<Map<String, Object>> variables(List<Variable> declared, String... texts) {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        if (declared != null) {
            for (Variable v : declared) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("key", v.key());
                item.put("description", v.description());
                item.put("required", v.required() == null || v.required());
                if (v.defaultValue() != null) {
                    item.put("defaultValue", v.defaultValue());
                }
                item.put("type", v.type() == null ? "string" : v.type());
                all.put(v.key(), item);
            }
        }
        for (String key : Handlebars.variables(texts)) {
            all.computeIfAbsent(key, k -> new LinkedHashMap<>(Map.of("key", k, "description", k, "required", !GLOBALS
                    .contains(k), "type", "string")));
        }
        return List.copyOf(all.values());
    }

    private List<Variable> declared(Map<String, Object> row) {
        List<Variable> list = new ArrayList<>();
        json.readTree(String.valueOf(row.get("variables"))).forEach(v -> list.add(new Variable(v.path("key").asString(),
                v.path("description").asString(v.path("key").asString()), v.path("required").asBoolean(true),
                v.hasNonNull("defaultValue") ? v.get("defaultValue").asString() : null, v.path("type").asString("string"))));
        return list;
    }

    private Content merge(Channel channel, Map<String, Object> row, Content change) {
        String subject = (String) row.get("subject");
        String text = (String) row.get("text_body");
        Content current = switch (channel) {
            case EMAIL -> new Content(subject, (String) row.get("preheader"), (String) row.get("html_body"), text,
                    null, null, null, null, null, null, null);
            case SMS -> new Content(null, null, null, null, text, (String) row.get("sms_from"), null, null, null, null, null);
            case PUSH -> new Content(null, null, null, null, null, null, subject, text, (String) row.get("push_icon"),
                    (String) row.get("push_image"), pushData(row.get("push_data")));
        };
        return new Content(pick(change.subject(), current.subject()), pick(change.preheader(), current.preheader()),
                pick(change.htmlBody(), current.htmlBody()),
                change.htmlBody() != null && change.textBody() == null ? null : pick(change.textBody(), current.textBody()),
                pick(change.smsBody(), current.smsBody()), pick(change.smsFrom(), current.smsFrom()),
                pick(change.pushTitle(), current.pushTitle()), pick(change.pushBody(), current.pushBody()),
                pick(change.pushIcon(), current.pushIcon()), pick(change.pushImage(), current.pushImage()),
                change.pushData() != null ? change.pushData() : current.pushData());
    }

    private Map<String, String> pushData(Object value) {
        if (value == null) {
            return null;
        }
        Map<String, String> data = new LinkedHashMap<>();
        json.readTree(value.toString()).properties().forEach(e -> data.put(e.getKey(), e.getValue().asString()));
        return data;
    }

    private Map<String, Object> editable(UUID id) {
        Map<String, Object> row = locked(id);
        system(row);
        if ("ARCHIVED".equals(row.get("status"))) {
            throw new ApiException(ErrorCode.TEMPLATE_ARCHIVED, "An archived template cannot be edited.");
        }
        return row;
    }

    private Map<String, Object> locked(UUID id) {
        return jdbc.sql("""
                        SELECT id, channel, status, is_system, version, content_hash, subject, preheader, html_body, text_body,
                            sms_from, push_icon, push_image, push_data::text AS push_data, variables::text AS variables,
                            published_at
                        FROM notification_templates WHERE id = ? AND deleted_at IS NULL FOR UPDATE""")
                .param(id).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ApiException(ErrorCode.TEMPLATE_NOT_FOUND, "No such template."));
    }

    private void exists(UUID id) {
        if (jdbc.sql("SELECT count(*) FROM notification_templates WHERE id = ? AND deleted_at IS NULL").param(id)
                .query(Long.class).single() == 0) {
            throw new ApiException(ErrorCode.TEMPLATE_NOT_FOUND, "No such template.");
        }
    }

    private static void system(Map<String, Object> row) {
        if (Boolean.TRUE.equals(row.get("is_system"))) {
            throw new ApiException(ErrorCode.TEMPLATE_IN_USE,
                    "System templates are bound to event handlers and maintained with the code.");
        }
    }

    private void status(UUID id, String status, String extra, UUID by) {
        Timestamp now = Timestamp.from(clock.instant());
        int placeholders = (int) extra.chars().filter(ch -> ch == '?').count();
        List<Object> params = new ArrayList<>(List.of(status));
        for (int i = 0; i < placeholders; i++) {
            params.add(now);
        }
        params.addAll(java.util.Arrays.asList(by, now, id));
        jdbc.sql("UPDATE notification_templates SET status = ?, " + extra + ", updated_by = ?, updated_at = ? WHERE id = ?")
                .params(params).update();
    }

    private void snapshot(UUID id, int version, Stored content, UUID by) {
        jdbc.sql("""
                        INSERT INTO notification_template_versions (id, template_id, version, subject, preheader, html_body,
                            text_body, variables, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb), ?)""")
                .params(Uuids.v7(), id, version, content.subject(), content.preheader(), content.html(), content.text(),
                        content.variables(), by)
                .update();
        jdbc.sql("DELETE FROM notification_template_versions WHERE template_id = ? AND version <= ?")
                .params(id, version - KEPT_VERSIONS).update();
    }

    private static void category(String category) {
        if (!TemplateCategories.ALL.contains(category)) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "category must be a TemplateCategory");
        }
    }

    private static void need(List<String> problems, String value, String field) {
        if (value == null || value.isBlank()) {
            problems.add(field + " is required for this channel");
        }
    }

    private static void none(List<String> problems, Content c, Set<String> fields) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("subject", c.subject());
        values.put("preheader", c.preheader());
        values.put("htmlBody", c.htmlBody());
        values.put("textBody", c.textBody());
        values.put("smsBody", c.smsBody());
        values.put("smsFrom", c.smsFrom());
        values.put("pushTitle", c.pushTitle());
        values.put("pushBody", c.pushBody());
        values.put("pushIcon", c.pushIcon());
        values.put("pushImage", c.pushImage());
        values.put("pushData", c.pushData());
        fields.stream().filter(f -> values.get(f) != null).forEach(f -> problems.add(f + " belongs to another channel"));
    }

    private static String pick(String change, String current) {
        return change != null ? change : current;
    }

    /** Plain text from HTML when the author gave none (ours, spec 40 §1.2). */
    private static String textOf(String html) {
        return html.replaceAll("(?i)<br\\s*/?>|</p>|</div>|</li>|</h[1-6]>", "\n").replaceAll("<[^>]+>", "")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replaceAll("\n{3,}", "\n\n").strip();
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
