package uk.co.lomashwood.notification.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.id.Uuids;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * System templates live on the classpath and are mirrored into {@code notification_templates}: a new file
 * is inserted as version 1 (ACTIVE), a changed file bumps the version and writes a snapshot, so every
 * notification can name the exact version it rendered. Lookups are served from memory.
 */
@Component
public class TemplateStore {

    private static final Logger log = LoggerFactory.getLogger(TemplateStore.class);
    private static final String SELECT = """
            SELECT id, slug, name, category, channel, version, status, is_system, updated_at, subject, html_body,
                text_body, variables::text AS variables
            FROM notification_templates WHERE deleted_at IS NULL""";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final ObjectMapper json;
    private final Clock clock;
    private final Map<String, TemplateDefinition> files = TemplateFiles.load().stream()
            .collect(Collectors.toMap(TemplateDefinition::slug, Function.identity()));
    private volatile Map<String, StoredTemplate> bySlug = Map.of();

    public TemplateStore(JdbcClient jdbc, TransactionTemplate transactions, ObjectMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
        sync();
    }

    public Optional<StoredTemplate> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    public Optional<StoredTemplate> byId(java.util.UUID id) {
        return bySlug.values().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    public List<StoredTemplate> all() {
        return bySlug.values().stream().sorted(Comparator.comparing(StoredTemplate::slug)).toList();
    }

    /**
     * Re-reads the table: after an admin change here, and every minute for changes made on another instance.
     * System rows take their content from the files, admin-written rows from the table.
     */
    @Scheduled(initialDelay = 60_000, fixedDelay = 60_000)
    public void reload() {
        Map<String, StoredTemplate> loaded = new ConcurrentHashMap<>();
        jdbc.sql(SELECT).query((rs, n) -> new StoredTemplate(rs.getObject("id", java.util.UUID.class),
                        rs.getInt("version"), rs.getString("status"), rs.getBoolean("is_system"),
                        rs.getTimestamp("updated_at").toInstant(), rs.getBoolean("is_system")
                        ? files.get(rs.getString("slug")) : written(rs)))
                .list().stream().filter(t -> t.definition() != null)
                .forEach(t -> loaded.put(t.slug(), t));
        bySlug = loaded;
    }

    private TemplateDefinition written(java.sql.ResultSet rs) throws java.sql.SQLException {
        String category = rs.getString("category");
        List<String> required = new java.util.ArrayList<>();
        json.readTree(rs.getString("variables")).forEach(variable -> {
            if (variable.path("required").asBoolean(false) && !variable.hasNonNull("defaultValue")) {
                required.add(variable.path("key").asString());
            }
        });
        return new TemplateDefinition(rs.getString("slug"), rs.getString("name"), category,
                uk.co.lomashwood.notification.message.Channel.valueOf(rs.getString("channel")),
                TemplateCategories.topic(category), required, rs.getString("subject"), rs.getString("html_body"),
                rs.getString("text_body"), true);
    }

    private void sync() {
        transactions.executeWithoutResult(status -> {
            // one instance at a time, so two tasks starting together do not bump a version twice
            jdbc.sql("SELECT pg_advisory_xact_lock(7007)").query(Object.class).list();
            files.values().forEach(this::upsert);
        });
        reload();
        log.info("{} notification templates ready", bySlug.size());
    }

    private void upsert(TemplateDefinition definition) {
        Optional<Map<String, Object>> row = jdbc.sql(
                        "SELECT id, version, content_hash FROM notification_templates WHERE slug = ?")
                .param(definition.slug()).query().listOfRows().stream().findFirst();
        Timestamp now = Timestamp.from(clock.instant());
        String hash = definition.contentHash();
        if (row.isEmpty()) {
            java.util.UUID id = Uuids.v7();
            jdbc.sql("""
                    INSERT INTO notification_templates (id, name, slug, category, channel, status, subject, html_body,
                        text_body, variables, version, content_hash, is_system, published_at, created_at, updated_at)
                    VALUES (?, ?, ?, ?, ?, 'ACTIVE', ?, ?, ?, CAST(? AS jsonb), 1, ?, true, ?, ?, ?)""")
                    .params(id, definition.name(), definition.slug(), definition.category(), definition.channel().name(),
                            definition.subject(), definition.html(), definition.text(), variables(definition), hash,
                            now, now, now)
                    .update();
            snapshot(id, 1, definition);
        } else if (!hash.equals(row.get().get("content_hash"))) {
            java.util.UUID id = (java.util.UUID) row.get().get("id");
            int version = ((Number) row.get().get("version")).intValue() + 1;
            jdbc.sql("""
                    UPDATE notification_templates SET subject = ?, html_body = ?, text_body = ?, category = ?,
                        variables = CAST(? AS jsonb), version = ?, content_hash = ?, updated_at = ? WHERE id = ?""")
                    .params(definition.subject(), definition.html(), definition.text(), definition.category(),
                            variables(definition), version, hash, now, id)
                    .update();
            snapshot(id, version, definition);
        }
    }

    private void snapshot(java.util.UUID templateId, int version, TemplateDefinition definition) {
        jdbc.sql("""
                INSERT INTO notification_template_versions (id, template_id, version, subject, html_body, text_body, variables)
                VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb))""")
                .params(Uuids.v7(), templateId, version, definition.subject(), definition.html(), definition.text(),
                        variables(definition))
                .update();
    }

    private String variables(TemplateDefinition definition) {
        return json.writeValueAsString(definition.required().stream()
                .map(key -> Map.of("key", key, "required", true, "type", "string",
                        "description", key)).toList());
    }
}
