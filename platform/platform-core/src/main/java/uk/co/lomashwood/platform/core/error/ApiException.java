package uk.co.lomashwood.platform.core.error;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A failure the client should see as an RFC 7807 problem with a catalogue code. Services throw it
 * (or a subclass); platform-web turns it into the response. The detail must be safe for end users.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final Map<String, Object> extensions = new LinkedHashMap<>();
    private Duration retryAfter;

    public ApiException(ErrorCode code, String detail) {
        this(code, code.status(), detail);
    }

    protected ApiException(ErrorCode code, int status, String detail) {
        super(detail, null, false, false);
        this.code = Objects.requireNonNull(code, "code");
        this.status = status;
    }

    /** A "404 / 422" code used for an id referenced from the body or query (spec 00 §1.8). */
    public static ApiException reference(ErrorCode code, String detail) {
        return new ApiException(code, code.referenceStatus(), detail);
    }

    public ApiException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public ApiException retryAfter(Duration delay) {
        this.retryAfter = delay;
        return this;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public String detail() {
        return getMessage();
    }

    public Map<String, Object> extensions() {
        return Collections.unmodifiableMap(extensions);
    }

    /** Seconds to wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
