package uk.co.lomashwood.gateway.routing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;

import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.EmptyHttpHeaders;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import uk.co.lomashwood.gateway.auth.CallerIdentity;
import uk.co.lomashwood.gateway.edge.EdgeConnection;
import uk.co.lomashwood.gateway.edge.EdgeRequest;
import uk.co.lomashwood.gateway.edge.EdgeResponse;
import uk.co.lomashwood.gateway.edge.UpstreamConnections;
import uk.co.lomashwood.gateway.headers.UpstreamHeaders;
import uk.co.lomashwood.gateway.pipeline.Exchange;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;
import uk.co.lomashwood.platform.web.request.RequestIds;

/**
 * One proxied exchange: its attempts against the upstream and the streaming of the answer to the client. Every method
 * runs on the client connection's event loop, which also drives the upstream connection, so no state here is shared
 * between threads.
 */
final class ProxyCall extends AttemptTimeouts.Watched implements UpstreamConnections.Listener {

    private static final int MAX_ERROR_BODY = 64 * 1024;
    /**
     * For the upstream request's head: the client's headers in it were validated by the edge's decoder and the rest
     * are the gateway's own values, so validating each again per request would only cost time.
     */
    private static final DefaultHttpHeadersFactory COPIED = DefaultHttpHeadersFactory.headersFactory()
            .withValidation(false);

    private final UpstreamProxy proxy;
    private final Exchange ex;
    private final EdgeRequest request;
    private final EdgeResponse response;
    private final EdgeConnection client;
    private final Upstream upstream;
    private final EventLoop loop;
    private final CircuitBreaker breaker;
    private final long deadlineAt;
    private final boolean extendedDeadline;
    private final boolean idempotent;
    private final int maxAttempts;
    /** The gateway's own web server: its answers (a 503 health report among them) pass as they are, no retries. */
    private final boolean own;

    private int attempt;
    private long attemptStart;
    private Channel channel;
    private boolean reused;
    private boolean staleRetryUsed;
    private AttemptTimeouts timeouts;
    private boolean done;
    /** The upstream's answer is being relayed to the client. */
    private boolean relaying;
    private int status;
    private boolean keepAlive;
    /** A retryable error answer whose body is read and dropped before the next attempt. */
    private boolean discarding;
    /** A 5xx answer being collected to check that it is a platform problem. */
    private HttpResponse errorHead;
    private ByteArrayOutputStream errorBody;

    ProxyCall(UpstreamProxy proxy, Exchange ex, EdgeRequest request, EdgeResponse response, EdgeConnection client) {
        this.proxy = proxy;
        this.ex = ex;
        this.request = request;
        this.response = response;
        this.client = client;
        this.upstream = ex.upstream;
        this.loop = client.eventLoop();
        this.breaker = RouteTable.GATEWAY.equals(upstream.name()) ? null : proxy.breakers.breaker(upstream.name());
        DeadlinePolicy.Deadline deadline = proxy.deadlines.deadlineFor(ex.method, ex.path);
        this.deadlineAt = ex.startNanos + deadline.total().toNanos();
        this.extendedDeadline = deadline.extended();
        this.idempotent = "GET".equals(ex.method) || "HEAD".equals(ex.method);
        this.own = RouteTable.GATEWAY.equals(upstream.name());
        this.maxAttempts = idempotent && !own ? 1 + Math.max(0, proxy.resilience.retryAttempts()) : 1;
    }

    void start() {
        nextAttempt();
    }

    private void nextAttempt() {
        if (!client.isOpen()) {
            finish();
            return;
        }
        attempt++;
        ex.attempts = attempt;
        long remaining = deadlineAt - System.nanoTime();
        if (remaining <= 0) {
            fail(timeoutProblem());
            return;
        }
        if (!own && !breaker.tryAcquirePermission()) {
            ex.breakerState = proxy.breakers.state(upstream.name());
            fail(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The " + upstream.name()
                    + " is temporarily unavailable.").retryAfter(proxy.breakers.retryAfter(upstream.name())));
            return;
        }
        long attemptTimeout = extendedDeadline ? remaining : Math.min(upstream.timeout().toNanos(), remaining);
        attemptStart = System.nanoTime();
        timeouts = AttemptTimeouts.of(loop);
        timeouts.watch(this, attemptTimeout);
        proxy.connections.acquire(loop, upstream, this, this::send, this::connectFailed);
    }

    private void send(UpstreamConnections.Lease lease) {
        if (done) {
            proxy.connections.discard(lease.channel());
            return;
        }
        channel = lease.channel();
        reused = lease.reused();
        channel.writeAndFlush(upstreamRequest()).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                ioFailed(f.cause());
            }
        });
    }

    private void connectFailed(Throwable cause) {
        if (done) {
            return;
        }
        cancelTimeout();
        recordError(cause);
        if (cause instanceof ConnectException || cause instanceof ConnectTimeoutException) {
            if (!retryLater()) {
                fail(new ApiException(ErrorCode.SERVICE_UNAVAILABLE, "The " + upstream.name() + " is not reachable."));
            }
            return;
        }
        if (!retryLater()) {
            fail(new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name() + " failed."));
        }
    }

    @Override
    public void onResponse(HttpObject part) {
        if (done) {
            ReferenceCountUtil.release(part);
            return;
        }
        if (part instanceof HttpResponse head) {
            onHead(head);
        }
        if (part instanceof HttpContent content) {
            onContent(content);
        } else if (!(part instanceof HttpResponse)) {
            ReferenceCountUtil.release(part);
        }
    }

    private void onHead(HttpResponse head) {
        status = head.status().code();
        if (status < 200) {
            return; // an interim 1xx answer: the real one follows
        }
        keepAlive = HttpUtil.isKeepAlive(head);
        long elapsed = System.nanoTime() - attemptStart;
        ex.upstreamNanos += elapsed;
        if (own) {
            relaying = true;
            client.write(clientHead(head, false));
            return;
        }
        if (status >= 500) {
            breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("upstream status " + status));
        } else {
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        }
        if (idempotent && attempt < maxAttempts && (status == 502 || status == 503 || status == 504)
                && backOffDelay() >= 0) {
            discarding = true;
            return;
        }
        if (status >= 500) {
            errorHead = head;
            errorBody = new ByteArrayOutputStream();
            return;
        }
        relaying = true;
        ex.breakerState = proxy.breakers.state(upstream.name());
        client.write(clientHead(head, false));
    }

    private void onContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (status < 200) {
            content.release();
            return;
        }
        if (discarding) {
            content.release();
            if (last) {
                discarding = false;
                cancelTimeout();
                releaseConnection();
                if (!retryLater()) {
                    fail(new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name() + " failed."));
                }
            }
            return;
        }
        if (errorBody != null) {
            int n = content.content().readableBytes();
            if (errorBody.size() + n <= MAX_ERROR_BODY) {
                errorBody.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(content.content()));
            } else {
                errorBody.write(0); // marks the body as too large to be a problem
            }
            content.release();
            if (last) {
                cancelTimeout();
                releaseConnection();
                relayError();
            }
            return;
        }
        if (!client.isOpen()) {
            content.release();
            abandon();
            return;
        }
        if (last) {
            cancelTimeout();
            client.write(content);
            client.flush();
            releaseConnection();
            finish();
            return;
        }
        if (!client.write(content)) {
            channel.config().setAutoRead(false);
            Channel paused = channel;
            client.whenWritable(() -> {
                if (paused.isActive()) {
                    paused.config().setAutoRead(true);
                }
            });
        }
    }

    @Override
    public void onReadComplete() {
        if (relaying && !done) {
            client.flush();
        }
    }

    @Override
    public void onClosed(Throwable cause) {
        if (done) {
            return;
        }
        channel = null;
        if (relaying || errorBody != null) {
            // the upstream broke off in the middle of its answer
            cancelTimeout();
            if (relaying) {
                client.abort(ex, status);
                done = true;
            } else {
                relayError();
            }
            return;
        }
        ioFailed(cause == null ? new IOException("upstream closed the connection") : cause);
    }

    private void ioFailed(Throwable cause) {
        if (done || relaying) {
            return;
        }
        cancelTimeout();
        if (channel != null) {
            proxy.connections.discard(channel);
            channel = null;
        }
        if (reused && !staleRetryUsed && status == 0) {
            // a pooled connection the upstream had already closed: the request never reached it, so try a fresh one
            staleRetryUsed = true;
            attempt--;
            nextAttempt();
            return;
        }
        recordError(cause);
        if (!retryLater()) {
            fail(new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name() + " failed."));
        }
    }

    @Override
    void attemptTimedOut() {
        if (done) {
            return;
        }
        recordError(new IOException("upstream timeout"));
        if (channel != null) {
            proxy.connections.discard(channel);
            channel = null;
        }
        if (relaying) {
            client.abort(ex, status);
            done = true;
            return;
        }
        fail(timeoutProblem());
    }

    /** Schedules the next attempt after the jittered back-off; false when no attempt is left before the deadline. */
    private boolean retryLater() {
        long delay = attempt < maxAttempts ? backOffDelay() : -1;
        if (delay < 0) {
            return false;
        }
        status = 0;
        errorHead = null;
        errorBody = null;
        loop.schedule(this::nextAttempt, delay, TimeUnit.MILLISECONDS);
        return true;
    }

    private long backOffDelay() {
        if (!idempotent) {
            return -1;
        }
        long base = proxy.resilience.retryBaseDelay().toMillis() << (attempt - 1);
        long delay = (long) (base * (0.8 + ThreadLocalRandom.current().nextDouble() * 0.4));
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(delay) >= deadlineAt ? -1 : delay;
    }

    private void recordError(Throwable cause) {
        long elapsed = System.nanoTime() - attemptStart;
        ex.upstreamNanos += elapsed;
        if (own) {
            return;
        }
        breaker.onError(elapsed, TimeUnit.NANOSECONDS, cause instanceof Exception e ? e : new IOException(cause));
    }

    /** A 5xx answer: passed on when it is a platform problem body, else replaced by 502 UPSTREAM_ERROR. */
    private void relayError() {
        byte[] body = errorBody.toByteArray();
        HttpResponse head = errorHead;
        errorBody = null;
        ex.breakerState = proxy.breakers.state(upstream.name());
        if (!conformingProblem(head, body)) {
            fail(new ApiException(ErrorCode.UPSTREAM_ERROR, "The " + upstream.name()
                    + " could not complete the request."));
            return;
        }
        HttpResponse out = clientHead(head, true);
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        out.headers().remove(HttpHeaderNames.TRANSFER_ENCODING);
        client.write(out);
        client.write(new io.netty.handler.codec.http.DefaultLastHttpContent(Unpooled.wrappedBuffer(body)));
        client.flush();
        finish();
    }

    private void fail(ApiException e) {
        if (done) {
            return;
        }
        done = true;
        cancelTimeout();
        if (ex.breakerState == null) {
            ex.breakerState = proxy.breakers.state(upstream.name());
        }
        client.fail(ex, ex.method, response, e);
    }

    private void finish() {
        if (done) {
            return;
        }
        done = true;
        client.finish(ex, status);
    }

    /** The client went away mid-answer: drop the upstream connection rather than read the rest. */
    private void abandon() {
        cancelTimeout();
        if (channel != null) {
            proxy.connections.discard(channel);
            channel = null;
        }
        finish();
    }

    private void releaseConnection() {
        Channel used = channel;
        channel = null;
        if (used == null) {
            return;
        }
        if (keepAlive) {
            proxy.connections.release(loop, upstream, used);
        } else {
            proxy.connections.discard(used);
        }
    }

    private void cancelTimeout() {
        if (timeouts != null) {
            timeouts.unwatch(this);
        }
    }

    private ApiException timeoutProblem() {
        return new ApiException(ErrorCode.GATEWAY_TIMEOUT, "The " + upstream.name() + " did not answer in time.");
    }

    private DefaultFullHttpRequest upstreamRequest() {
        HttpHeaders headers = COPIED.newHeaders();
        boolean authRoute = ex.isAuthRoute();
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = request.headers().iteratorCharSequence();
                it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            if (UpstreamHeaders.forwardFromClient(header.getKey(), authRoute)) {
                headers.add(header.getKey(), header.getValue());
            }
        }
        java.net.URI url = upstream.url();
        headers.set(HttpHeaderNames.HOST, url.getPort() > 0 ? url.getHost() + ":" + url.getPort() : url.getHost());
        headers.set(RequestIds.HEADER, ex.requestId);
        headers.set("X-Forwarded-For", proxy.clientAddress.forwardedFor(request));
        headers.set("X-Forwarded-Proto", proxy.clientAddress.forwardedProto(request));
        headers.set("traceparent", ex.traceparent);
        headers.set("X-Internal-Token", proxy.internalToken);
        CallerIdentity caller = ex.caller;
        if (caller.authenticated()) {
            headers.set("X-User-Id", caller.userId().toString());
            headers.set("X-User-Role", caller.role().name());
            headers.set("X-Session-Id", caller.sessionId().toString());
            if (authRoute) {
                headers.set("X-Token-Jti", caller.jti());
                headers.set("X-Token-Exp", Long.toString(caller.expiresAt().getEpochSecond()));
            }
        }
        byte[] body = ex.body == null ? new byte[0] : ex.body;
        if (body.length > 0 || "POST".equals(ex.method) || "PUT".equals(ex.method) || "PATCH".equals(ex.method)) {
            headers.setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        }
        String query = request.rawQuery();
        String uri = query == null || query.isEmpty() ? ex.path : ex.path + "?" + query;
        return new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(ex.method), uri,
                Unpooled.wrappedBuffer(body), headers, EmptyHttpHeaders.INSTANCE);
    }

    /** The client's response head: the gateway's headers, then the upstream's (never the ones the gateway owns). */
    private HttpResponse clientHead(HttpResponse upstreamHead, boolean buffered) {
        // the exchange's own headers, which nothing reads or writes once the answer is being relayed
        HttpHeaders headers = response.headers();
        boolean typed = false;
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = upstreamHead.headers().iteratorCharSequence();
                it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            CharSequence name = header.getKey();
            if (!UpstreamHeaders.copyFromUpstream(name)) {
                continue;
            }
            if (HttpHeaderNames.CONTENT_TYPE.contentEqualsIgnoreCase(name)) {
                if (!typed) {
                    headers.set(HttpHeaderNames.CONTENT_TYPE, header.getValue());
                    typed = true;
                }
                continue;
            }
            headers.add(name, header.getValue());
        }
        String date = upstreamHead.headers().get(HttpHeaderNames.DATE);
        if (date != null) {
            headers.set(HttpHeaderNames.DATE, date);
        }
        if (!buffered) {
            String length = upstreamHead.headers().get(HttpHeaderNames.CONTENT_LENGTH);
            long declared = parseLength(length);
            if (declared >= 0) {
                headers.set(HttpHeaderNames.CONTENT_LENGTH, declared);
            } else if (!"HEAD".equals(ex.method) && status != 204 && status != 304) {
                headers.set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
            }
        }
        if (ex.caller.authenticated()) {
            headers.set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        }
        return new DefaultHttpResponse(HttpVersion.HTTP_1_1, upstreamHead.status(), headers);
    }

    private static long parseLength(String value) {
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A platform problem body: JSON object with a string {@code code} and {@code status} equal to the response's. */
    private boolean conformingProblem(HttpResponse head, byte[] body) {
        String type = head.headers().get(HttpHeaderNames.CONTENT_TYPE, "").toLowerCase(Locale.ROOT);
        if (!type.contains("json") || body.length == 0 || body.length > MAX_ERROR_BODY) {
            return false;
        }
        try {
            JsonNode node = proxy.json.readTree(body);
            return node.isObject() && node.path("code").isString() && node.path("status").asInt(-1) == status
                    && node.path("title").isString();
        } catch (JacksonException e) {
            return false;
        }
    }

}
