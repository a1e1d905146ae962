package uk.co.lomashwood.notification.admin;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.directory.ContactDirectory;
import uk.co.lomashwood.notification.dispatch.MessageComposer;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.internal.ApiSends;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.message.RecipientType;
import uk.co.lomashwood.notification.template.RenderedMessage;
import uk.co.lomashwood.notification.template.StoredTemplate;
import uk.co.lomashwood.notification.template.TemplateDefinition;
import uk.co.lomashwood.notification.template.TemplateRenderer;
import uk.co.lomashwood.notification.template.TemplateRenderingException;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.id.Uuids;
import uk.co.lomashwood.platform.core.page.OffsetPage;
import uk.co.lomashwood.platform.core.page.PageRequest;
import uk.co.lomashwood.platform.web.security.UserContext;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Template use cases of the admin API. Test sends go to the caller's own address or a staff address only. */
@Component
public class TemplateAdministration {

    public record Summary(UUID id, String name, String slug, String channel, String category, String status,
                          int version, boolean isSystem, List<String> variables, Instant updatedAt) {
    }

    public record Full(Summary template, String subject, String htmlBody, String textBody, String topic) {
    }

    public record Preview(String subject, String htmlBody, String textBody, String smsBody, Integer smsSegments,
                          String pushTitle, String pushBody, List<String> missingVariables) {
    }

    private static final String STAFF_DOMAIN = "@lomashwood.co.uk";

    private final TemplateStore templates;
    private final TemplateRenderer renderer;
    private final MessageComposer composer;
    private final ApiSends sends;
    private final ContactDirectory directory;

    public TemplateAdministration(TemplateStore templates, TemplateRenderer renderer, MessageComposer composer,
                                  ApiSends sends, ContactDirectory directory) {
        this.templates = templates;
        this.renderer = renderer;
        this.composer = composer;
        this.sends = sends;
        this.directory = directory;
    }

    public OffsetPage<Summary> list(String channel, String category, String status, String search, PageRequest page) {
        String needle = search == null ? null : search.toLowerCase(Locale.ROOT);
        List<Summary> all = templates.all().stream()
                .filter(t -> channel == null || t.definition().channel().name().equalsIgnoreCase(channel))
                .filter(t -> category == null || t.definition().category().equalsIgnoreCase(category))
                .filter(t -> status == null || t.status().equalsIgnoreCase(status))
                .filter(t -> needle == null || t.slug().contains(needle)
                        || t.definition().name().toLowerCase(Locale.ROOT).contains(needle))
                .map(TemplateAdministration::summary).toList();
        int from = (int) Math.min(all.size(), page.offset());
        return new OffsetPage<>(all.subList(from, Math.min(all.size(), from + page.limit())), page.page(),
                page.limit(), all.size());
    }

    public Full detail(UUID id) {
        StoredTemplate template = find(id);
        TemplateDefinition d = template.definition();
        return new Full(summary(template), d.subject(), d.html(), d.text(), d.topic() == null ? null : d.topic().name());
    }

    public Preview preview(UUID id, Map<String, Object> variables) {
        TemplateDefinition d = find(id).definition();
        Map<String, Object> values = new HashMap<>(composer.globals());
        if (variables != null) {
            values.putAll(variables);
        }
        List<String> missing = renderer.missing(d, values);
        Map<String, Object> filled = new HashMap<>(values);
        missing.forEach(key -> filled.put(key, "{{" + key + "}}"));
        try {
            RenderedMessage r = renderer.render(d, filled);
            return switch (d.channel()) {
                case EMAIL -> new Preview(r.subject(), r.html(), r.text(), null, null, null, null, missing);
                case SMS -> new Preview(null, null, null, r.text(), SmsSegments.count(r.text()), null, null, missing);
                case PUSH -> new Preview(null, null, null, null, null, r.subject(), r.text(), missing);
            };
        } catch (TemplateRenderingException e) {
            throw new ApiException(ErrorCode.TEMPLATE_RENDER_FAILED, "The template could not be rendered");
        }
    }

    public NotificationIntake.Accepted testSend(UserContext caller, UUID id, Map<String, Object> variables, String to) {
        StoredTemplate template = find(id);
        Channel channel = template.definition().channel();
        String address = to;
        if (address == null) {
            address = directory.primary(caller.requireUserId(), channel).map(ContactDirectory.Contact::address)
                    .orElseThrow(() -> new ApiException(ErrorCode.VALIDATION_ERROR,
                            "No address on file for you; give 'to'"));
        } else if (channel == Channel.EMAIL && !address.toLowerCase(Locale.ROOT).endsWith(STAFF_DOMAIN)) {
            throw new ApiException(ErrorCode.VALIDATION_ERROR, "Test sends may only go to staff addresses");
        }
        Recipient recipient = new Recipient(caller.userId(), channel == Channel.EMAIL ? address : null,
                channel == Channel.SMS ? address : null, RecipientType.ADMIN);
        return sends.send(template.slug(), channel, recipient, variables, Priority.NORMAL, null,
                NotificationRequest.SourceRef.NONE, "test:" + Uuids.v7(), true);
    }

    private StoredTemplate find(UUID id) {
        return templates.byId(id).orElseThrow(() -> new ApiException(ErrorCode.TEMPLATE_NOT_FOUND, "No such template"));
    }

    private static Summary summary(StoredTemplate t) {
        TemplateDefinition d = t.definition();
        return new Summary(t.id(), d.name(), d.slug(), d.channel().name(), d.category(), t.status(), t.version(),
                t.system(), d.required(), t.updatedAt());
    }
}
