package uk.co.lomashwood.notification.template;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Renders every template once at start-up with placeholder values, so that Thymeleaf's parsing and expression
 * set-up do not land on the first real email (a sign-up's verification email must arrive within seconds).
 */
@Component
class TemplateWarmUp {

    private static final Logger log = LoggerFactory.getLogger(TemplateWarmUp.class);

    private final TemplateStore templates;
    private final TemplateRenderer renderer;

    TemplateWarmUp(TemplateStore templates, TemplateRenderer renderer) {
        this.templates = templates;
        this.renderer = renderer;
    }

    @EventListener(ApplicationReadyEvent.class)
    void renderAllOnce() {
        for (StoredTemplate template : templates.all()) {
            Map<String, Object> placeholders = new HashMap<>();
            template.definition().required().forEach(key -> placeholders.put(key, key));
            try {
                renderer.render(template.definition(), placeholders);
            } catch (TemplateRenderingException e) {
                log.error("Template {} does not render: {}", template.slug(), e.getMessage());
            }
        }
    }
}
