package uk.co.lomashwood.gateway.pipeline;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;

/**
 * Writes RFC 7807 problem details (spec 00 §1.7) from inside the gateway's servlet filter, where platform-web's
 * {@code @RestControllerAdvice} cannot reach: same members ({@code type, title, status, detail, instance, code,
 * requestId, timestamp}, optional {@code retryAfter} mirrored in {@code Retry-After}).
 */
@Component
public class ProblemWriter {

    private static final Logger log = LoggerFactory.getLogger(ProblemWriter.class);

    private final ObjectMapper json;
    private final Clock clock;

    public ProblemWriter(ObjectMapper json, Clock gatewayClock) {
        this.json = json;
        this.clock = gatewayClock;
    }

    public void write(HttpServletResponse response, ApiException problem, String requestId, String instance)
            throws IOException {
        if (response.isCommitted()) {
            log.warn("Cannot send {} for {}: response already committed", problem.code(), instance);
            return;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.code().typeUri());
        HttpStatus status = HttpStatus.resolve(problem.status());
        body.put("title", status != null ? status.getReasonPhrase() : "Error");
        body.put("status", problem.status());
        body.put("detail", problem.detail());
        body.put("instance", instance);
        body.put("code", problem.code().name());
        body.put("requestId", requestId);
        body.put("timestamp", Instant.now(clock).toString());
        Duration retryAfter = problem.retryAfter();
        if (retryAfter != null) {
            long seconds = Math.max(1, retryAfter.toSeconds());
            body.put("retryAfter", seconds);
            response.setHeader("Retry-After", Long.toString(seconds));
        }
        body.putAll(problem.extensions());
        byte[] bytes = json.writeValueAsBytes(body);
        response.resetBuffer();
        response.setStatus(problem.status());
        response.setContentType("application/problem+json");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
