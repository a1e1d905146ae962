package uk.co.lomashwood.platform.web.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ApiException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes a problem body from code that runs outside Spring MVC's exception handling (filters). */
public final class ProblemResponseWriter {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ProblemResponseWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, ApiException e) throws IOException {
        Map<String, Object> body = ProblemBody.of(e.status(), e.code(), e.detail(), request.getRequestURI(), null,
                e.extensions(), e.retryAfter());
        write(response, e.status(), body, e.retryAfter() == null ? null : body.get("retryAfter"));
    }

    public static void write(HttpServletResponse response, int status, Map<String, Object> body, Object retryAfter)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (retryAfter != null) {
            response.setHeader("Retry-After", String.valueOf(retryAfter));
        }
        response.getOutputStream().write(MAPPER.writeValueAsBytes(body));
        response.flushBuffer();
    }
}
