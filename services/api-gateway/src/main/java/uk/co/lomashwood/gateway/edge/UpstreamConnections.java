package uk.co.lomashwood.gateway.edge;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.stereotype.Component;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObject;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import uk.co.lomashwood.gateway.routing.RoutingProperties;
import uk.co.lomashwood.gateway.routing.Upstream;

/**
 * Keep-alive HTTP/1.1 connections to the upstreams, pooled per event loop and upstream so that an exchange uses a
 * connection driven by the same thread as its client connection. A connection idle for longer than {@code max-idle}
 * is closed instead of reused (an upstream may have dropped it), and one closed by the upstream leaves the pool at
 * once. Everything here runs on the event loop that owns the pool.
 */
@Component
public class UpstreamConnections {

    /** The exchange currently using a connection; it receives the connection's response objects and its end. */
    public interface Listener {

        /** One response part; the listener owns it (must release or pass it on). */
        void onResponse(HttpObject part);

        /** The bytes read so far have been delivered. */
        void onReadComplete();

        /** The connection closed or failed. */
        void onClosed(Throwable cause);
    }

    /** A connection handed to one exchange, and whether it has carried an exchange before. */
    public record Lease(Channel channel, boolean reused) {
    }

    private record Idle(Channel channel, long since) {
    }

    private static final AttributeKey<Listener> LISTENER = AttributeKey.valueOf("lomash.upstream.listener");

    private final int connectTimeoutMillis;
    private final long maxIdleNanos;
    private final Class<? extends SocketChannel> channelType;
    private final Map<EventLoop, Map<String, ArrayDeque<Idle>>> idle = new ConcurrentHashMap<>();

    public UpstreamConnections(RoutingProperties routing, EdgeEventLoops loops,
            @org.springframework.beans.factory.annotation.Value("${lomash.gateway.edge.upstream-max-idle:4s}")
            Duration maxIdle) {
        this.connectTimeoutMillis = (int) routing.connectTimeout().toMillis();
        this.maxIdleNanos = maxIdle.toNanos();
        this.channelType = loops.socketChannel();
    }

    /** On {@code loop}: an idle pooled connection to the upstream, else a new one. */
    public void acquire(EventLoop loop, Upstream upstream, Listener listener, Consumer<Lease> ready,
            Consumer<Throwable> failed) {
        ArrayDeque<Idle> pool = pool(loop, upstream);
        long now = System.nanoTime();
        for (Idle candidate = pool.pollLast(); candidate != null; candidate = pool.pollLast()) {
            if (candidate.channel.isActive() && now - candidate.since < maxIdleNanos) {
                candidate.channel.attr(LISTENER).set(listener);
                ready.accept(new Lease(candidate.channel, true));
                return;
            }
            candidate.channel.close();
        }
        URI url = upstream.url();
        int port = url.getPort() > 0 ? url.getPort() : 80;
        new Bootstrap().group(loop).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, connectTimeoutMillis)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.attr(LISTENER).set(listener);
                        channel.pipeline().addLast(new HttpClientCodec(4096, 16384, 64 * 1024), new Dispatcher());
                    }
                })
                .connect(url.getHost(), port)
                .addListener((ChannelFutureListener) f -> {
                    if (f.isSuccess()) {
                        Channel channel = f.channel();
                        channel.closeFuture().addListener(c -> pool.removeIf(i -> i.channel == channel));
                        ready.accept(new Lease(channel, false));
                    } else {
                        failed.accept(f.cause());
                    }
                });
    }

    /** Returns a connection whose exchange has completed; it serves the next exchange to the same upstream. */
    public void release(EventLoop loop, Upstream upstream, Channel channel) {
        channel.attr(LISTENER).set(null);
        if (!channel.isActive()) {
            return;
        }
        ArrayDeque<Idle> pool = pool(loop, upstream);
        pool.addLast(new Idle(channel, System.nanoTime()));
    }

    /** Closes a connection without telling its exchange (which has given up on it). */
    public void discard(Channel channel) {
        channel.attr(LISTENER).set(null);
        channel.close();
    }

    private ArrayDeque<Idle> pool(EventLoop loop, Upstream upstream) {
        return idle.computeIfAbsent(loop, l -> new HashMap<>())
                .computeIfAbsent(upstream.name(), n -> new ArrayDeque<>());
    }

    /** Passes a connection's response objects to the exchange using it; anything arriving between exchanges is dropped. */
    private static final class Dispatcher extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            Listener listener = ctx.channel().attr(LISTENER).get();
            if (listener != null && msg instanceof HttpObject part) {
                listener.onResponse(part);
            } else {
                ReferenceCountUtil.release(msg);
                if (listener == null) {
                    ctx.close();
                }
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            Listener listener = ctx.channel().attr(LISTENER).get();
            if (listener != null) {
                listener.onReadComplete();
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            Listener listener = ctx.channel().attr(LISTENER).getAndSet(null);
            if (listener != null) {
                listener.onClosed(null);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            Listener listener = ctx.channel().attr(LISTENER).getAndSet(null);
            ctx.close();
            if (listener != null) {
                listener.onClosed(cause);
            }
        }
    }
}
