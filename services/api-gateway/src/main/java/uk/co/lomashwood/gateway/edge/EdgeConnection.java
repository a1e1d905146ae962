package uk.co.lomashwood.gateway.edge;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import uk.co.lomashwood.gateway.pipeline.AccessLog;
import uk.co.lomashwood.gateway.pipeline.BodyPolicy;
import uk.co.lomashwood.gateway.pipeline.Exchange;
import uk.co.lomashwood.gateway.pipeline.RequestPipeline;
import uk.co.lomashwood.gateway.pipeline.WouldBlock;
import uk.co.lomashwood.gateway.routing.UpstreamProxy;
import uk.co.lomashwood.platform.core.error.ApiException;
import uk.co.lomashwood.platform.core.error.ErrorCode;

/**
 * One client connection. Reads a request and its body (up to the body limit of its kind, else 413 and the connection
 * is closed), runs the pipeline on this connection's event loop (or, when a check must wait for I/O, on a virtual
 * thread) and hands the exchange to the proxy on the event loop. The proxy writes through the methods here; the access
 * line is written when the last byte of the answer has been written. Answers keep the order of requests: what a client
 * sends while its request is being answered (a pipelined request) is held here, and the socket is not read further,
 * until the answer is complete. A client that waits for each answer, as nearly all do, never stops the socket's reads
 * (each stop and restart costs a system call).
 */
public final class EdgeConnection extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(EdgeConnection.class);

    /** What every connection of one edge shares. */
    public record Services(RequestPipeline pipeline, UpstreamProxy proxy, BodyPolicy bodies, AccessLog accessLog,
            ExecutorService threads, Duration idleTimeout, AtomicInteger active) {

        Services(RequestPipeline pipeline, UpstreamProxy proxy, BodyPolicy bodies, AccessLog accessLog,
                ExecutorService threads, Duration idleTimeout) {
            this(pipeline, proxy, bodies, accessLog, threads, idleTimeout, new AtomicInteger());
        }

        /** Requests read but not yet answered. */
        public int inFlight() {
            return active.get();
        }
    }

    /** The most body bytes read and dropped after a 413 (as Tomcat's max-swallow-size). */
    private static final long SWALLOW_LIMIT = 11L * 1024 * 1024;

    private final Services services;
    private ChannelHandlerContext ctx;
    private HttpRequest head;
    private ByteArrayOutputStream body;
    private long limit;
    private boolean refused;
    /** Reading and dropping the rest of a refused body, so that the client gets to read the 413. */
    private boolean swallowing;
    private long swallowLeft;
    /** A request has been read whole and is not yet answered. */
    private boolean answering;
    /** What arrived while {@code answering}: handled, in order, once the answer is complete. */
    private final ArrayDeque<Object> held = new ArrayDeque<>(4);
    private Runnable onWritable;
    /** When the last request bytes arrived or the last answer was complete (the event loop's clock). */
    private long lastActive;
    private ScheduledFuture<?> idleCheck;
    /** The peer's address, read once: it cannot change while the connection lasts. */
    private String remote;

    EdgeConnection(Services services) {
        this.services = services;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    @Override
    public void channelActive(ChannelHandlerContext context) {
        lastActive = now();
        checkIdleIn(services.idleTimeout().toNanos());
        context.fireChannelActive();
    }

    /**
     * A connection without a request to answer for the idle timeout is closed. One timer per connection, moved on
     * only when it fires, instead of an idle handler's bookkeeping on every read and write.
     */
    private void checkIdleIn(long nanos) {
        idleCheck = ctx.executor().schedule(this::checkIdle, nanos, TimeUnit.NANOSECONDS);
    }

    private void checkIdle() {
        if (!ctx.channel().isActive()) {
            return;
        }
        long timeout = services.idleTimeout().toNanos();
        long left = lastActive + timeout - now();
        if (answering || !held.isEmpty()) {
            checkIdleIn(timeout);
        } else if (left > 0) {
            checkIdleIn(left);
        } else {
            ctx.close();
        }
    }

    private long now() {
        return ctx.executor().ticker().nanoTime();
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        lastActive = now();
        if (answering || !held.isEmpty()) {
            held.add(msg);
            context.channel().config().setAutoRead(false);
            return;
        }
        read(msg);
    }

    private void read(Object msg) {
        try {
            if (msg instanceof HttpRequest request) {
                begin(request);
            }
            if (msg instanceof HttpContent content) {
                if (swallowing) {
                    swallow(content);
                } else if (head != null && !refused) {
                    append(content);
                }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void begin(HttpRequest request) {
        head = request;
        body = null;
        refused = false;
        if (request.decoderResult().isFailure()) {
            refuse(new ApiException(ErrorCode.VALIDATION_ERROR, "The request line or headers are malformed or too "
                    + "long."), 0);
            return;
        }
        limit = services.bodies().limitFor(path(request.uri()), request.headers().get(HttpHeaderNames.CONTENT_TYPE));
        long declared = HttpUtil.getContentLength(request, -1L);
        if (declared > limit) {
            refuse(BodyPolicy.tooLarge(limit), declared <= SWALLOW_LIMIT ? declared : 0);
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
    }

    private void append(HttpContent content) {
        int n = content.content().readableBytes();
        if (n > 0) {
            if (body == null) {
                body = new ByteArrayOutputStream(Math.min(n, 64 * 1024));
            }
            if (body.size() + (long) n > limit) {
                refuse(BodyPolicy.tooLarge(limit), SWALLOW_LIMIT - body.size());
                swallow(content);
                return;
            }
            body.writeBytes(io.netty.buffer.ByteBufUtil.getBytes(content.content()));
        }
        if (content instanceof LastHttpContent) {
            dispatch();
        }
    }

    private void dispatch() {
        answering = true;
        if (remote == null) {
            remote = ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress();
        }
        EdgeRequest request = new EdgeRequest(head.method().name(), origin(head.uri()), head.headers(), remote,
                body == null ? null : body.toByteArray());
        head = null;
        body = null;
        services.active().incrementAndGet();
        if (!process(request, false)) {
            services.threads().execute(() -> process(request, true));
        }
    }

    /**
     * The pipeline's checks, then the proxy on the event loop or the gateway's own answer. On the event loop
     * ({@code mayWait} false) it returns false, having done nothing, when a check would wait for I/O.
     */
    private boolean process(EdgeRequest request, boolean mayWait) {
        EdgeResponse response = new EdgeResponse();
        Exchange ex = services.pipeline().open(request, response);
        boolean forward;
        try {
            forward = services.pipeline().run(ex, request, response, mayWait);
        } catch (WouldBlock e) {
            return false;
        } catch (RuntimeException e) {
            log.error("Gateway pipeline failed for {} {}", ex.method, ex.path, e);
            EdgeProblems.write(response, new ApiException(ErrorCode.INTERNAL_ERROR, "The request failed."), ex.path,
                    ex.requestId);
            forward = false;
        }
        if (forward) {
            if (ctx.channel().eventLoop().inEventLoop()) {
                services.proxy().forward(ex, request, response, this);
            } else {
                ctx.channel().eventLoop().execute(() -> services.proxy().forward(ex, request, response, this));
            }
        } else {
            answer(ex, request.method(), response);
        }
        return true;
    }

    /**
     * Refuses the request being read (bad request line, body over the limit) and closes the connection: at once, or
     * once up to {@code swallow} more body bytes have been read and dropped (a client that is still sending its body
     * would otherwise see a reset instead of the 413).
     */
    private void refuse(ApiException e, long swallow) {
        refused = true;
        EdgeRequest request = new EdgeRequest(head.method().name(), head.decoderResult().isFailure() ? "/"
                : origin(head.uri()), head.headers(), "", null);
        head = null;
        body = null;
        EdgeResponse response = new EdgeResponse();
        Exchange ex = services.pipeline().open(request, response);
        services.pipeline().refuse(ex, response, e);
        swallowing = swallow > 0;
        swallowLeft = swallow;
        if (!swallowing) {
            response.setHeader(HttpHeaderNames.CONNECTION.toString(), "close");
        }
        services.active().incrementAndGet();
        int status = response.status();
        ctx.writeAndFlush(full(response, false)).addListener(f -> {
            finish(ex, status);
            if (!swallowing) {
                ctx.close();
            }
        });
    }

    private void swallow(HttpContent content) {
        swallowLeft -= content.content().readableBytes();
        if (content instanceof LastHttpContent || swallowLeft < 0) {
            swallowing = false;
            ctx.channel().config().setAutoRead(false);
            ctx.close();
        }
    }

    /** Writes a complete answer of the gateway's own (problem, preflight) and finishes the exchange. */
    public void answer(Exchange ex, String method, EdgeResponse response) {
        FullHttpResponse out = full(response, "HEAD".equals(method));
        int status = response.status();
        ctx.writeAndFlush(out).addListener(f -> finish(ex, status));
    }

    /** The proxy could not get an answer: the gateway's problem in its place. */
    public void fail(Exchange ex, String method, EdgeResponse response, ApiException e) {
        services.pipeline().refuse(ex, response, e);
        answer(ex, method, response);
    }

    private static FullHttpResponse full(EdgeResponse response, boolean head) {
        byte[] bytes = response.body();
        int length = bytes == null ? 0 : bytes.length;
        DefaultHttpHeaders headers = new DefaultHttpHeaders();
        headers.set(response.headers());
        headers.set(HttpHeaderNames.DATE, HttpDates.now());
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, length);
        return new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(response.status()),
                head || bytes == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(bytes), headers,
                new DefaultHttpHeaders());
    }

    public EventLoop eventLoop() {
        return ctx.channel().eventLoop();
    }

    public boolean isOpen() {
        return ctx.channel().isActive();
    }

    /**
     * Writes part of a streamed answer; true while the client keeps up (else the caller pauses its source). Only the
     * last part is flushed here: the source flushes at the end of each read, so a head and the body read with it
     * leave in one send.
     */
    public boolean write(HttpObject part) {
        ctx.write(part);
        if (part instanceof LastHttpContent) {
            ctx.flush();
        }
        return ctx.channel().isWritable();
    }

    /** Flushes what has been written and returns whether the client keeps up. */
    public boolean flush() {
        ctx.flush();
        return ctx.channel().isWritable();
    }

    /** Runs {@code resume} once when the client can take more (or at once if it can). */
    public void whenWritable(Runnable resume) {
        if (ctx.channel().isWritable()) {
            resume.run();
        } else {
            onWritable = resume;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) {
        Runnable resume = onWritable;
        if (resume != null && context.channel().isWritable()) {
            onWritable = null;
            resume.run();
        }
        context.fireChannelWritabilityChanged();
    }

    /** The answer to {@code ex} is complete (or abandoned): access line, then read the next request. */
    public void finish(Exchange ex, int status) {
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> finish(ex, status));
            return;
        }
        if (ex.finished) {
            return;
        }
        ex.finished = true;
        services.active().decrementAndGet();
        services.accessLog().write(ex, status, ex.userAgent);
        answering = false;
        lastActive = now();
        readHeld();
    }

    /** Handles what the client sent while the last answer was written, until a request is being answered again. */
    private void readHeld() {
        if (!ctx.channel().isActive()) {
            releaseHeld();
            return;
        }
        while (!answering && !held.isEmpty()) {
            read(held.poll());
        }
        if (!answering && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void releaseHeld() {
        for (Object msg = held.poll(); msg != null; msg = held.poll()) {
            ReferenceCountUtil.release(msg);
        }
    }

    /** The answer broke off after its head was sent: the client sees the connection close. */
    public void abort(Exchange ex, int status) {
        ctx.close();
        finish(ex, status);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) {
        if (idleCheck != null) {
            idleCheck.cancel(false);
        }
        releaseHeld();
        Runnable resume = onWritable;
        onWritable = null;
        if (resume != null) {
            resume.run(); // lets a paused proxy notice the client has gone and release its upstream connection
        }
        context.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        log.debug("Client connection failed: {}", cause.toString());
        context.close();
    }

    private static String path(String uri) {
        String origin = origin(uri);
        int question = origin.indexOf('?');
        return question < 0 ? origin : origin.substring(0, question);
    }

    /** The origin form of a request target ({@code /path?query}), also when a client sent the absolute form. */
    private static String origin(String uri) {
        if (uri.startsWith("/")) {
            return uri;
        }
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            int slash = uri.indexOf('/', scheme + 3);
            return slash < 0 ? "/" : uri.substring(slash);
        }
        return "/" + uri;
    }
}
