package uk.co.lomashwood.gateway.edge;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaders;

/**
 * The response the pipeline builds before anything is written: status, the gateway's own headers (security, CORS,
 * rate limit, request id) and, for answers the gateway gives itself, a body. Proxied answers add the upstream's
 * headers to these and stream the upstream body.
 */
public final class EdgeResponse {

    private int status = 200;
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private byte[] body;

    public int status() {
        return status;
    }

    public void status(int status) {
        this.status = status;
    }

    public void setHeader(String name, String value) {
        headers.set(name, value);
    }

    public void addHeader(String name, String value) {
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
