package uk.co.lomashwood.gateway.edge;

import java.util.List;

import io.netty.handler.codec.http.HttpHeaders;

/** One client request as the edge received it: request line, headers, the peer address and the whole body. */
public final class EdgeRequest {

    private static final byte[] NO_BODY = new byte[0];

    private final String method;
    private final String path;
    private final String rawQuery;
    private final HttpHeaders headers;
    private final String remoteAddress;
    private final byte[] body;

    public EdgeRequest(String method, String uri, HttpHeaders headers, String remoteAddress, byte[] body) {
        int question = uri.indexOf('?');
        this.method = method;
        this.path = question < 0 ? uri : uri.substring(0, question);
        this.rawQuery = question < 0 ? null : uri.substring(question + 1);
        this.headers = headers;
        this.remoteAddress = remoteAddress;
        this.body = body == null ? NO_BODY : body;
    }

    public String method() {
        return method;
    }

    /** The raw (still percent-encoded) path, without the query. */
    public String path() {
        return path;
    }

    /** The raw query string without {@code ?}, or null. */
    public String rawQuery() {
        return rawQuery;
    }

    public String header(String name) {
        return headers.get(name);
    }

    public List<String> headers(String name) {
        return headers.getAll(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public String remoteAddress() {
        return remoteAddress;
    }

    public String contentType() {
        return headers.get("Content-Type");
    }

    public byte[] body() {
        return body;
    }

    /** Whether the query has a parameter of this name with a non-empty value. */
    public boolean hasQueryParam(String name) {
        if (rawQuery == null) {
            return false;
        }
        int start = 0;
        int length = rawQuery.length();
        while (start <= length) {
            int end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = length;
            }
            int keyEnd = rawQuery.indexOf('=', start);
            if (keyEnd > start && keyEnd < end - 1 && keyEnd - start == name.length()
                    && rawQuery.regionMatches(start, name, 0, name.length())) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
