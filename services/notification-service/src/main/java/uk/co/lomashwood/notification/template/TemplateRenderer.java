package uk.co.lomashwood.notification.template;

import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;
import uk.co.lomashwood.notification.message.Channel;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a template with Thymeleaf: the HTML body in HTML mode (values escaped) inside the branded email
 * layout, subject and plain text in TEXT mode ({@code [(${var})]}). Missing required variables are reported
 * before rendering, never rendered as blanks.
 */
@Component
public class TemplateRenderer {

    private static final Locale UK = Locale.UK;

    private final TemplateEngine html = engine(TemplateMode.HTML);
    private final TemplateEngine text = engine(TemplateMode.TEXT);
    private final String htmlLayout;
    private final String textLayout;

    public TemplateRenderer() {
        this.htmlLayout = Layouts.read("email-layout.html");
        this.textLayout = Layouts.read("email-layout.txt");
    }

    public List<String> missing(TemplateDefinition template, Map<String, ?> variables) {
        return template.required().stream()
                .filter(key -> variables.get(key) == null || String.valueOf(variables.get(key)).isBlank())
                .toList();
    }

    /** @throws TemplateRenderingException when a required variable is missing or the template does not render */
    public RenderedMessage render(TemplateDefinition template, Map<String, Object> variables) {
        List<String> missing = missing(template, variables);
        if (!missing.isEmpty()) {
            throw new TemplateRenderingException("Missing variables " + String.join(", ", missing), missing);
        }
        try {
            Context context = new Context(UK, variables);
            boolean plain = template.handlebars();
            String subject = template.subject() == null ? null : (plain ? Handlebars.render(template.subject(), variables,
                    false) : text.process(template.subject(), context)).strip();
            String body = (plain ? Handlebars.render(template.text(), variables, false)
                    : text.process(template.text(), context)).strip();
            if (template.channel() != Channel.EMAIL) {
                return new RenderedMessage(subject, body, null);
            }
            Context layout = new Context(UK, variables);
            layout.setVariable("subject", subject);
            layout.setVariable("content", plain ? Handlebars.render(template.html(), variables, true)
                    : html.process(template.html(), context));
            String htmlPage = html.process(htmlLayout, layout);
            layout.setVariable("content", body);
            return new RenderedMessage(subject, text.process(textLayout, layout).strip() + "\n", htmlPage);
        } catch (TemplateEngineException e) {
            throw new TemplateRenderingException("Template " + template.slug() + " failed to render: "
                    + e.getMessage(), List.of());
        }
    }

    private static TemplateEngine engine(TemplateMode mode) {
        StringTemplateResolver resolver = new StringTemplateResolver();
        resolver.setTemplateMode(mode);
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }
}
