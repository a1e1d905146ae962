package uk.co.lomashwood.gateway.edge;

import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;

/**
 * The response the pipeline builds before anything is written: status, the gateway's own headers (security, CORS,
 * rate limit, request id) and, for answers the gateway gives itself, a body. Proxied answers add the upstream's
 * headers to these and stream the upstream body.
 */
public final class EdgeResponse {

    /**
     * Not validated again per request: every name is one of the gateway's constants, and every value a constant, a
     * number, configuration, or a client input already checked where it is read (the request id's pattern, an
     * allow-listed Origin). Proxied answers add the upstream's headers, which its connection's decoder validated.
     */
    private static final HttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private int status = 200;
    private final HttpHeaders headers = HEADERS.newHeaders();
    private byte[] body;

    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }

    public void setHeader(CharSequence name, CharSequence value) {
        headers.set(name, value);
    }

    public void addHeader(CharSequence name, CharSequence value) {
        headers.add(name, value);
    }

    public String header(String name) {
        return headers.get(name);
    }

    public HttpHeaders headers() {
        return headers;
    }

    public byte[] body() {
        return body;
    }

    /** A complete answer of the gateway's own (problem, preflight). */
    public void body(String contentType, byte[] bytes) {
        headers.set("Content-Type", contentType);
        this.body = bytes;
    }
}
