package uk.co.lomashwood.platform.web.error;

import org.springframework.http.HttpStatus;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.core.error.FieldViolation;
import uk.co.lomashwood.platform.web.request.RequestIds;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the RFC 7807 body of spec 00 §1.7; every member in the spec's order. */
public final class ProblemBody {

    private ProblemBody() {
    }

    public static Map<String, Object> of(int status, ErrorCode code, String detail, String instance,
                                         List<FieldViolation> errors, Map<String, Object> extensions, Duration retryAfter) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", code.typeUri());
        HttpStatus resolved = HttpStatus.resolve(status);
        body.put("title", resolved == null ? "Error" : resolved.getReasonPhrase());
        body.put("status", status);
        body.put("detail", detail);
        body.put("instance", instance);
        body.put("code", code.name());
        body.put("requestId", RequestIds.current());
        body.put("timestamp", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        if (errors != null && !errors.isEmpty()) {
            body.put("errors", errors);
        }
        if (retryAfter != null) {
            body.put("retryAfter", Math.max(1, retryAfter.toSeconds()));
        }
        if (extensions != null) {
            extensions.forEach(body::putIfAbsent);
        }
        return body;
    }

    public static Map<String, Object> of(ErrorCode code, String detail, String instance) {
        return of(code.status(), code, detail, instance, null, null, null);
    }
}
