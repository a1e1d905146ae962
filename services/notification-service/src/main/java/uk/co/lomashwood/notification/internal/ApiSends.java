package uk.co.lomashwood.notification.internal;

import org.springframework.stereotype.Component;
import uk.co.lomashwood.notification.dispatch.NotificationIntake;
import uk.co.lomashwood.notification.dispatch.NotificationRequest;
import uk.co.lomashwood.notification.dispatch.UnknownTemplateException;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.Priority;
import uk.co.lomashwood.notification.message.Recipient;
import uk.co.lomashwood.notification.template.StoredTemplate;
import uk.co.lomashwood.notification.template.TemplateRenderer;
import uk.co.lomashwood.notification.template.TemplateStore;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sends requested over HTTP (internal API, admin test sends — which may try a draft template): unlike event-driven sends, an unknown template
 * or a missing variable is the caller's mistake and answered with 422 instead of a FAILED row.
 */
@Component
public class ApiSends {

    private final NotificationIntake intake;
    private final TemplateStore templates;
    private final TemplateRenderer renderer;

    public ApiSends(NotificationIntake intake, TemplateStore templates, TemplateRenderer renderer) {
        this.intake = intake;
        this.templates = templates;
        this.renderer = renderer;
    }

    public NotificationIntake.Accepted send(String slug, Channel channel, Recipient recipient,
                                            Map<String, Object> variables, Priority priority, Instant scheduledAt,
                                            NotificationRequest.SourceRef source, String idempotencyKey,
                                            boolean exemptFromLimits) {
        StoredTemplate template = templates.bySlug(slug)
                .filter(t -> (t.active() || exemptFromLimits) && t.definition().channel() == channel)
                .orElseThrow(() -> ApiException.reference(ErrorCode.TEMPLATE_NOT_FOUND,
                        "No active " + channel + " template '" + slug + "'"));
        Map<String, Object> values = variables == null ? Map.of() : variables;
        List<String> missing = renderer.missing(template.definition(), values).stream()
                .filter(key -> !"customerName".equals(key) || recipient.userId() == null).toList();
        if (!missing.isEmpty()) {
            throw new ApiException(ErrorCode.TEMPLATE_MISSING_VARIABLE, "Missing template variables: "
                    + String.join(", ", missing)).with("missingVariables", missing);
        }
        try {
            return intake.accept(new NotificationRequest(slug, channel, recipient, values, priority, scheduledAt,
                    source, idempotencyKey, exemptFromLimits));
        } catch (UnknownTemplateException e) {
            throw ApiException.reference(ErrorCode.TEMPLATE_NOT_FOUND, e.getMessage());
        }
    }
}
