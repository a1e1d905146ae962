package uk.co.lomashwood.gateway.edge;

import java.util.Map;

import tools.jackson.databind.json.JsonMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.web.error.ProblemBody;
import uk.co.lomashwood.platform.web.error.ProblemResponseWriter;

/** Turns an {@link ApiException} into the gateway's own RFC 7807 answer (spec 00 §1.7). */
public final class EdgeProblems {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private EdgeProblems() {
    }

    public static void write(EdgeResponse response, ApiException e, String path, String requestId) {
        Map<String, Object> body = ProblemBody.of(e.status(), e.code(), e.detail(), path, null, e.extensions(),
                e.retryAfter());
        body.put("requestId", requestId);
        response.status(e.status());
        if (body.get("retryAfter") != null) {
            response.setHeader("Retry-After", String.valueOf(body.get("retryAfter")));
        }
        response.body(ProblemResponseWriter.PROBLEM_JSON, MAPPER.writeValueAsBytes(body));
    }
}
