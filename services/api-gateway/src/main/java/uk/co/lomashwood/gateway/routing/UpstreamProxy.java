package uk.co.lomashwood.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.message.BasicClassicHttpRequest;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.InputStreamEntity;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import uk.co.lomashwood.gateway.auth.CallerIdentity;
import uk.co.lomashwood.gateway.headers.ClientAddress;
import uk.co.lomashwood.platform.web.request.RequestIds;
import uk.co.lomashwood.gateway.headers.UpstreamHeaders;
import uk.co.lomashwood.gateway.pipeline.BodyPolicy;
import uk.co.lomashwood.gateway.pipeline.Exchange;
import uk.co.lomashwood.gateway.resilience.ResilienceProperties;
import uk.co.lomashwood.gateway.resilience.UpstreamBreakers;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * Forwards one request to its upstream and streams the answer back (spec 10 §1.10–1.12), on a pooled Apache
 * HttpClient 5 (classic, blocking on the request's virtual thread):
 * per-attempt timeout (5 s / 10 s) inside the overall deadline (504 when it runs out), retries for GET/HEAD only on
 * connection errors and 502/503/504 with 100 → 200 → 400 ms jittered back-off, a circuit breaker per upstream (503
 * with Retry-After while open), connection refused → 503 within the connect timeout, and 5xx bodies that are not
 * platform problem details replaced by 502 UPSTREAM_ERROR.
 */
@Component
public class UpstreamProxy {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final CloseableHttpClient http;
    private final UpstreamBreakers breakers;
    private final DeadlinePolicy deadlines;
    private final ResilienceProperties resilience;
    private final BodyPolicy bodies;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;
    private final String internalToken;
    private final Map<String, HttpHost> targets = new ConcurrentHashMap<>();

    public UpstreamProxy(CloseableHttpClient gatewayUpstreamClient, UpstreamBreakers breakers, DeadlinePolicy deadlines,
            ResilienceProperties resilience, BodyPolicy bodies, ClientAddress clientAddress, ObjectMapper json,
            @Value("${lomash.security.internal-token}") String internalToken) {
        this.http = gatewayUpstreamClient;
        this.breakers = breakers;
        this.deadlines = deadlines;
        this.resilience = resilience;
        this.bodies = bodies;
        this.clientAddress = clientAddress;
        this.json = json;
        this.internalToken = internalToken;
    }

    public void forward(Exchange ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Upstream upstream = ex.upstream;
        DeadlinePolicy.Deadline deadline = deadlines.deadlineFor(ex.method, ex.path);
        long deadlineAt = ex.startNanos + deadline.total().toNanos();
        boolean idempotent = "GET".equals(ex.method) || "HEAD".equals(ex.method);
        int maxAttempts = idempotent ? 1 + Math.max(0, resilience.retryAttempts()) : 1;
        CircuitBreaker breaker = breakers.breaker(upstream.name());
        ClassicHttpResponse answer = null;
        for (int attempt = 1; answer == null; attempt++) {
            ex.attempts = attempt;
            long remaining = deadlineAt - System.nanoTime();
            if (remaining <= 0) {
                throw timeout(upstream);
            }
            if (!breaker.tryAcquirePermission()) {
                ex.breakerState = breakers.state(upstream.name());
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "The " + upstream.name() + " is temporarily unavailable.")
                        .retryAfter(breakers.retryAfter(upstream.name()));
            }
            Duration attemptTimeout = deadline.extended() ? Duration.ofNanos(remaining)
                    : min(upstream.timeout(), Duration.ofNanos(remaining));
            boolean retry = idempotent && attempt < maxAttempts;
            long start = System.nanoTime();
            try {
                HttpClientContext context = HttpClientContext.create();
                context.setRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(attemptTimeout))
                        .setConnectionRequestTimeout(Timeout.of(attemptTimeout)).build());
                ClassicHttpResponse candidate = http.executeOpen(target(upstream),
                        build(ex, request, target(upstream)), context);
                long elapsed = System.nanoTime() - start;
                ex.upstreamNanos += elapsed;
                int status = candidate.getCode();
                if (status >= 500) {
                    breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("upstream status " + status));
                } else {
                    breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                }
                if (retry && (status == 502 || status == 503 || status == 504)
                        && backOff(attempt, deadlineAt)) {
                    candidate.close();
                    continue;
                }
                answer = candidate;
            } catch (ConnectTimeoutException | ConnectException e) {
                failed(ex, breaker, start, e);
                if (!(retry && backOff(attempt, deadlineAt))) {
                    throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The " + upstream.name() + " is not reachable.");
                }
            } catch (SocketTimeoutException e) {
                failed(ex, breaker, start, e);
                throw timeout(upstream);
            } catch (ConnectionRequestTimeoutException e) {
                failed(ex, breaker, start, e);
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The " + upstream.name() + " is overloaded.");
            } catch (IOException e) {
                failed(ex, breaker, start, e);
                if (BodyPolicy.isUploadTooLarge(e)) {
                    throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than allowed.");
                }
                if (!(retry && backOff(attempt, deadlineAt))) {
                    throw new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name() + " failed.");
                }
            }
        }
        ex.breakerState = breakers.state(upstream.name());
        try (ClassicHttpResponse done = answer) {
            write(ex, done, response);
        }
    }

    private void failed(Exchange ex, CircuitBreaker breaker, long start, Exception e) {
        long elapsed = System.nanoTime() - start;
        ex.upstreamNanos += elapsed;
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, e);
    }

    /** Sleeps the jittered back-off before the next attempt; false if that would pass the deadline. */
    private boolean backOff(int attempt, long deadlineAt) {
        long base = resilience.retryBaseDelay().toMillis() << (attempt - 1);
        long delay = (long) (base * (0.8 + ThreadLocalRandom.current().nextDouble() * 0.4));
        if (System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) >= deadlineAt) {
            return false;
        }
        try {
            Thread.sleep(delay);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Scheme, host and port of an upstream, parsed once (the upstream path equals the public path). */
    private HttpHost target(Upstream upstream) {
        return targets.computeIfAbsent(upstream.name(), name -> HttpHost.create(upstream.resolve("", null)));
    }

    private ClassicHttpRequest build(Exchange ex, HttpServletRequest request, HttpHost target) throws IOException {
        String query = request.getQueryString();
        BasicClassicHttpRequest upstream = new BasicClassicHttpRequest(ex.method, target,
                query == null || query.isEmpty() ? ex.path : ex.path + "?" + query);
        boolean authRoute = ex.isAuthRoute();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (UpstreamHeaders.forwardFromClient(name, authRoute)) {
                Enumeration<String> values = request.getHeaders(name);
                while (values.hasMoreElements()) {
                    upstream.addHeader(name, values.nextElement());
                }
            }
        }
        upstream.addHeader(RequestIds.HEADER, ex.requestId);
        upstream.addHeader("X-Forwarded-For", clientAddress.forwardedFor(request));
        upstream.addHeader("X-Forwarded-Proto", clientAddress.forwardedProto(request));
        upstream.addHeader("traceparent", ex.traceparent);
        upstream.addHeader("X-Internal-Token", internalToken);
        CallerIdentity caller = ex.caller;
        if (caller.authenticated()) {
            upstream.addHeader("X-User-Id", caller.userId().toString());
            upstream.addHeader("X-User-Role", caller.role().name());
            upstream.addHeader("X-Session-Id", caller.sessionId().toString());
            if (authRoute) {
                upstream.addHeader("X-Token-Jti", caller.jti());
                upstream.addHeader("X-Token-Exp", Long.toString(caller.expiresAt().getEpochSecond()));
            }
        }
        upstream.setEntity(entity(ex, request));
        return upstream;
    }

    /** Uploads stream through (chunked); buffered bodies are sent with their length; no body → no entity. */
    private HttpEntity entity(Exchange ex, HttpServletRequest request) throws IOException {
        if (ex.streamBody) {
            return new InputStreamEntity(bodies.limitedUpload(request.getInputStream()), -1, null);
        }
        return ex.body == null || ex.body.length == 0 ? null : new ByteArrayEntity(ex.body, null);
    }

    private void write(Exchange ex, ClassicHttpResponse answer, HttpServletResponse response)
            throws IOException {
        int status = answer.getCode();
        HttpEntity entity = answer.getEntity();
        if (status >= 500) {
            byte[] body;
            try (InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent()) {
                body = in.readNBytes(MAX_ERROR_BODY);
            }
            if (!conformingProblem(answer, body, status)) {
                throw new ApiException(ErrorCode.UPSTREAM_ERROR,
                        "The " + ex.upstream.name() + " could not complete the request.");
            }
            copyHeaders(ex, answer, response, status);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        copyHeaders(ex, answer, response, status);
        if (entity == null) {
            return;
        }
        try (InputStream in = entity.getContent()) {
            if ("HEAD".equals(ex.method) || status == 204 || status == 304) {
                in.transferTo(OutputStream.nullOutputStream());
                return;
            }
            OutputStream out = response.getOutputStream();
            byte[] buffer = new byte[16 * 1024];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                if (in.available() == 0) {
                    out.flush();
                }
            }
        }
    }

    private void copyHeaders(Exchange ex, ClassicHttpResponse answer, HttpServletResponse response, int status) {
        response.setStatus(status);
        boolean typed = false;
        for (Header header : answer.getHeaders()) {
            String name = header.getName();
            if (!UpstreamHeaders.copyFromUpstream(name)) {
                continue;
            }
            if (name.equalsIgnoreCase("content-type")) {
                if (!typed) {
                    response.setContentType(header.getValue());
                    typed = true;
                }
                continue;
            }
            response.addHeader(name.toLowerCase(Locale.ROOT), header.getValue());
        }
        Header length = answer.getFirstHeader("Content-Length");
        if (length != null && status < 500 && !"HEAD".equals(ex.method)) {
            try {
                response.setContentLengthLong(Long.parseLong(length.getValue().trim()));
            } catch (NumberFormatException e) {
                // a malformed length is not copied; the body is streamed with chunked encoding
            }
        }
        if (ex.caller.authenticated()) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** A platform problem body: JSON object with a string {@code code} and {@code status} equal to the response's. */
    private boolean conformingProblem(ClassicHttpResponse answer, byte[] body, int status) {
        Header contentType = answer.getFirstHeader("Content-Type");
        String type = contentType == null ? "" : contentType.getValue().toLowerCase(Locale.ROOT);
        if (!type.contains("json") || body.length == 0 || body.length >= MAX_ERROR_BODY) {
            return false;
        }
        try {
            JsonNode node = json.readTree(body);
            return node.isObject() && node.path("code").isString() && node.path("status").asInt(-1) == status
                    && node.path("title").isString();
        } catch (JacksonException e) {
            return false;
        }
    }

    private static ApiException timeout(Upstream upstream) {
        return new ApiException(ErrorCode.GATEWAY_TIMEOUT, "The " + upstream.name() + " did not answer in time.");
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
