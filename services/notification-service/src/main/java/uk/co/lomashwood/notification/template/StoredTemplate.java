package uk.co.lomashwood.notification.template;

import java.time.Instant;
import java.util.UUID;

/** A template row: the definition plus its id, current version and status. */
public record StoredTemplate(UUID id, int version, String status, boolean system, Instant updatedAt,
                             TemplateDefinition definition) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    public String slug() {
        return definition.slug();
    }
}
