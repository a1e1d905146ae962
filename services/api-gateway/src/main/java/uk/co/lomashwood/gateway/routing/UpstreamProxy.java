package uk.co.lomashwood.gateway.routing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

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
 * Forwards one request to its upstream and streams the answer back (spec 10 §1.10–1.12), on the JDK HttpClient:
 * per-attempt timeout (5 s / 10 s) inside the overall deadline (504 when it runs out), retries for GET/HEAD only on
 * connection errors and 502/503/504 with 100 → 200 → 400 ms jittered back-off, a circuit breaker per upstream (503
 * with Retry-After while open), connection refused → 503 within the connect timeout, and 5xx bodies that are not
 * platform problem details replaced by 502 UPSTREAM_ERROR.
 */
@Component
public class UpstreamProxy {

    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final HttpClient http;
    private final UpstreamBreakers breakers;
    private final DeadlinePolicy deadlines;
    private final ResilienceProperties resilience;
    private final BodyPolicy bodies;
    private final ClientAddress clientAddress;
    private final ObjectMapper json;
    private final String internalToken;

    public UpstreamProxy(HttpClient gatewayHttpClient, UpstreamBreakers breakers, DeadlinePolicy deadlines,
            ResilienceProperties resilience, BodyPolicy bodies, ClientAddress clientAddress, ObjectMapper json,
            @Value("${lomash.security.internal-token}") String internalToken) {
        this.http = gatewayHttpClient;
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
        HttpResponse<InputStream> answer = null;
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
                HttpResponse<InputStream> candidate = http.send(build(ex, request, attemptTimeout),
                        HttpResponse.BodyHandlers.ofInputStream());
                long elapsed = System.nanoTime() - start;
                ex.upstreamNanos += elapsed;
                int status = candidate.statusCode();
                if (status >= 500) {
                    breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("upstream status " + status));
                } else {
                    breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
                }
                if (retry && (status == 502 || status == 503 || status == 504)
                        && backOff(attempt, deadlineAt)) {
                    candidate.body().close();
                    continue;
                }
                answer = candidate;
            } catch (HttpConnectTimeoutException | ConnectException e) {
                failed(ex, breaker, start, e);
                if (!(retry && backOff(attempt, deadlineAt))) {
                    throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                            "The " + upstream.name() + " is not reachable.");
                }
            } catch (HttpTimeoutException e) {
                failed(ex, breaker, start, e);
                throw timeout(upstream);
            } catch (IOException e) {
                failed(ex, breaker, start, e);
                if (BodyPolicy.isUploadTooLarge(e)) {
                    throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The upload is larger than allowed.");
                }
                if (!(retry && backOff(attempt, deadlineAt))) {
                    throw new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name() + " failed.");
                }
            } catch (InterruptedException e) {
                breaker.releasePermission();
                Thread.currentThread().interrupt();
                throw new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The request was interrupted.");
            }
        }
        ex.breakerState = breakers.state(upstream.name());
        write(ex, answer, response);
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

    private HttpRequest build(Exchange ex, HttpServletRequest request, Duration timeout) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(ex.upstream.resolve(ex.path, request.getQueryString()))
                .version(HttpClient.Version.HTTP_1_1)
                .timeout(timeout);
        boolean authRoute = ex.isAuthRoute();
        for (String name : Collections.list(request.getHeaderNames())) {
            if (UpstreamHeaders.forwardFromClient(name, authRoute)) {
                for (String value : Collections.list(request.getHeaders(name))) {
                    builder.header(name, value);
                }
            }
        }
        builder.header(RequestIds.HEADER, ex.requestId)
                .header("X-Forwarded-For", clientAddress.forwardedFor(request))
                .header("X-Forwarded-Proto", clientAddress.forwardedProto(request))
                .header("traceparent", ex.traceparent)
                .header("X-Internal-Token", internalToken);
        CallerIdentity caller = ex.caller;
        if (caller.authenticated()) {
            builder.header("X-User-Id", caller.userId().toString())
                    .header("X-User-Role", caller.role().name())
                    .header("X-Session-Id", caller.sessionId().toString());
            if (authRoute) {
                builder.header("X-Token-Jti", caller.jti())
                        .header("X-Token-Exp", Long.toString(caller.expiresAt().getEpochSecond()));
            }
        }
        builder.method(ex.method, publisher(ex, request));
        return builder.build();
    }

    private HttpRequest.BodyPublisher publisher(Exchange ex, HttpServletRequest request) throws IOException {
        if (ex.streamBody) {
            InputStream in = bodies.limitedUpload(request.getInputStream());
            return HttpRequest.BodyPublishers.ofInputStream(() -> in);
        }
        return ex.body == null || ex.body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(ex.body);
    }

    private void write(Exchange ex, HttpResponse<InputStream> answer, HttpServletResponse response)
            throws IOException {
        int status = answer.statusCode();
        if (status >= 500) {
            byte[] body;
            try (InputStream in = answer.body()) {
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
        try (InputStream in = answer.body()) {
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

    private void copyHeaders(Exchange ex, HttpResponse<InputStream> answer, HttpServletResponse response, int status) {
        response.setStatus(status);
        for (Map.Entry<String, List<String>> header : answer.headers().map().entrySet()) {
            String name = header.getKey();
            if (!UpstreamHeaders.copyFromUpstream(name)) {
                continue;
            }
            if (name.equalsIgnoreCase("content-type")) {
                response.setContentType(header.getValue().getFirst());
                continue;
            }
            for (String value : header.getValue()) {
                response.addHeader(name, value);
            }
        }
        java.util.OptionalLong length = answer.headers().firstValueAsLong("content-length");
        if (length.isPresent() && status < 500 && !"HEAD".equals(ex.method)) {
            response.setContentLengthLong(length.getAsLong());
        }
        if (ex.caller.authenticated()) {
            response.setHeader("Cache-Control", "no-store");
        }
    }

    /** A platform problem body: JSON object with a string {@code code} and {@code status} equal to the response's. */
    private boolean conformingProblem(HttpResponse<InputStream> answer, byte[] body, int status) {
        String type = answer.headers().firstValue("content-type").orElse("").toLowerCase(Locale.ROOT);
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
