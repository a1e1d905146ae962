package uk.co.lomashwood.gateway.pipeline;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Body limits and parsing (spec 10 §1.9): JSON and forms are buffered once (≤ 1 MB, else 413) and JSON is parsed so
 * that unparseable JSON gets 400 before any upstream sees it and the email-keyed rate limits can read it; multipart
 * uploads stream through (≤ 10 MB); webhook bodies are buffered as raw bytes and never parsed.
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

    public void read(HttpServletRequest request, Exchange exchange) throws IOException {
        long declared = request.getContentLengthLong();
        if (isUpload(exchange, request)) {
            if (declared > uploadLimit) {
                throw tooLarge(uploadLimit);
            }
            exchange.streamBody = true;
            return;
        }
        if (declared > jsonLimit) {
            throw tooLarge(jsonLimit);
        }
        if (declared == 0 || (declared < 0 && request.getHeader("Transfer-Encoding") == null)) {
            return;
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes((int) jsonLimit + 1);
        }
        if (bytes.length > jsonLimit) {
            throw tooLarge(jsonLimit);
        }
        exchange.body = bytes;
        if (!exchange.isWebhook() && isJson(request.getContentType()) && bytes.length > 0) {
            try {
                exchange.json = json.readTree(bytes);
            } catch (JacksonException e) {
                throw new ApiException(ErrorCode.VALIDATION_ERROR, "The request body is not valid JSON.");
            }
        }
    }

    /** A stream that fails once more than the upload limit has been read (chunked uploads without a length). */
    public InputStream limitedUpload(InputStream in) {
        return new InputStream() {
            private long count;

            @Override
            public int read() throws IOException {
                int b = in.read();
                if (b >= 0 && ++count > uploadLimit) {
                    throw new UploadTooLargeException();
                }
                return b;
            }

            @Override
            public int read(byte[] buffer, int off, int len) throws IOException {
                int n = in.read(buffer, off, len);
                if (n > 0 && (count += n) > uploadLimit) {
                    throw new UploadTooLargeException();
                }
                return n;
            }
        };
    }

    /** Whether an upstream I/O failure was caused by the upload limit. */
    public static boolean isUploadTooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UploadTooLargeException) {
                return true;
            }
        }
        return false;
    }

    static final class UploadTooLargeException extends IOException {
        UploadTooLargeException() {
            super("upload over limit");
        }
    }

    private static boolean isUpload(Exchange exchange, HttpServletRequest request) {
        String type = request.getContentType();
        return (exchange.path.equals("/v1/uploads") || exchange.path.startsWith("/v1/uploads/"))
                && type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(java.util.Locale.ROOT).split(";")[0].trim();
        return type.equals("application/json") || type.endsWith("+json");
    }

    private static ApiException tooLarge(long limit) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                "The request body is larger than " + (limit / (1024 * 1024)) + " MB.");
    }
}
