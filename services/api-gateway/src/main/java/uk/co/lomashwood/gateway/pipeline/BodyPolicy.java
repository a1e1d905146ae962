package uk.co.lomashwood.gateway.pipeline;

import java.util.Locale;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.gateway.edge.EdgeRequest;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Body limits and parsing (spec 10 §1.9). The edge reads a body only up to the limit of its kind — JSON and forms
 * 1 MB, multipart uploads to {@code /v1/uploads} 10 MB — and answers 413 beyond it (a declared length over the limit
 * is refused before a byte is read). JSON is parsed here so that unparseable JSON gets 400 before any upstream sees it
 * and the email-keyed rate limits can read it; webhook bodies are never parsed and pass byte for byte.
 */
@Component
public class BodyPolicy {

    private final long jsonLimit;
    private final long uploadLimit;
    private final ObjectMapper json;

    public BodyPolicy(@Value("${lomash.gateway.body.json-limit:1MB}") DataSize jsonLimit,
            @Value("${lomash.gateway.body.upload-limit:10MB}") DataSize uploadLimit, ObjectMapper json) {
        this.jsonLimit = jsonLimit.toBytes();
        this.uploadLimit = uploadLimit.toBytes();
        this.json = json;
    }

    /** The most bytes the edge reads for a request with this path and content type. */
    public long limitFor(String path, String contentType) {
        return isUpload(path, contentType) ? uploadLimit : jsonLimit;
    }

    /** Parses a JSON body into the exchange (400 when it is not JSON); other bodies are passed on as they are. */
    public void read(EdgeRequest request, Exchange exchange) {
        byte[] bytes = request.body();
        exchange.body = bytes;
        if (!exchange.isWebhook() && bytes.length > 0 && isJson(request.contentType())) {
            try {
                exchange.json = json.readTree(bytes);
            } catch (JacksonException e) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is not valid JSON.");
            }
        }
    }

    public static ApiException tooLarge(long limit) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + (limit / (1024 * 1024)) + " MB.");
    }

    private static boolean isUpload(String path, String type) {
        return (path.equals("/v1/uploads") || path.startsWith("/v1/uploads/"))
                && type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }
}
