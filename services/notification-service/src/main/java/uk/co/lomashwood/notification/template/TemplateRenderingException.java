package uk.co.lomashwood.notification.template;

import java.util.List;

/** A template could not be rendered; {@code missingVariables} is set when that is the reason. */
public class TemplateRenderingException extends RuntimeException {

    private final List<String> missingVariables;

    public TemplateRenderingException(String message, List<String> missingVariables) {
        super(message);
        this.missingVariables = List.copyOf(missingVariables);
    }

    public List<String> missingVariables() {
        return missingVariables;
    }
}
