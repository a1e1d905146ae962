package uk.co.lomashwood.gateway.edge;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerKeepAliveHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import uk.co.lomashwood.gateway.pipeline.AccessLog;
import uk.co.lomashwood.gateway.pipeline.BodyPolicy;
import uk.co.lomashwood.gateway.pipeline.RequestPipeline;
import uk.co.lomashwood.gateway.routing.RouteTable;
import uk.co.lomashwood.gateway.routing.UpstreamProxy;

/**
 * The gateway's public HTTP/1.1 listener ({@code PORT}, 3000): a Netty server whose event loops (one per core) also
 * drive the pooled upstream connections, so a proxied request crosses no thread between client and upstream. Only
 * the pipeline's checks run on a virtual thread (they may wait for Redis or auth-service). The gateway's own pages
 * (health, API docs, Swagger UI) are served by its internal web server on the loopback interface, to which the edge
 * forwards them after the same pipeline steps. Stopping closes the listener first, then lets requests in flight
 * finish for up to the shutdown grace period.
 */
@Component
public class EdgeServer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EdgeServer.class);

    private final int configuredPort;
    private final String address;
    private final Duration grace;
    private final Duration idleTimeout;
    private final RequestPipeline pipeline;
    private final UpstreamProxy proxy;
    private final BodyPolicy bodies;
    private final AccessLog accessLog;
    private final EdgeCompression compression;
    private final ExecutorService pipelineThreads;
    private final EdgeEventLoops loops;
    private final RouteTable routes;
    private final ApplicationContext context;

    private Channel listener;
    private ChannelGroup connections;
    private EventLoopGroup boss;
    private EdgeConnection.Services services;
    private volatile int port = -1;

    public EdgeServer(@Value("${server.port:3000}") int configuredPort,
            @Value("${lomash.gateway.edge.address:0.0.0.0}") String address,
            @Value("${spring.lifecycle.timeout-per-shutdown-phase:25s}") Duration grace,
            @Value("${lomash.gateway.edge.idle-timeout:60s}") Duration idleTimeout,
            RequestPipeline pipeline, UpstreamProxy proxy, BodyPolicy bodies, AccessLog accessLog,
            EdgeCompression compression, ExecutorService gatewayPipelineExecutor, EdgeEventLoops loops,
            RouteTable routes, ApplicationContext context) {
        this.configuredPort = configuredPort;
        this.address = address;
        this.grace = grace;
        this.idleTimeout = idleTimeout;
        this.pipeline = pipeline;
        this.proxy = proxy;
        this.bodies = bodies;
        this.accessLog = accessLog;
        this.compression = compression;
        this.pipelineThreads = gatewayPipelineExecutor;
        this.loops = loops;
        this.routes = routes;
        this.context = context;
    }

    /** The bound public port (after start). */
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            routes.gatewayListensOn(web.getWebServer().getPort());
        }
        boss = loops.newGroup(1, "gateway-accept");
        connections = new DefaultChannelGroup("gateway-connections", GlobalEventExecutor.INSTANCE);
        services = new EdgeConnection.Services(pipeline, proxy, bodies, accessLog, pipelineThreads, idleTimeout);
        HttpDecoderConfig decoder = new HttpDecoderConfig().setMaxInitialLineLength(8192).setMaxHeaderSize(16384)
                .setMaxChunkSize(64 * 1024);
        ServerBootstrap bootstrap = new ServerBootstrap().group(boss, loops.group())
                .channel(loops.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        connections.add(channel);
                        channel.pipeline().addLast(
                                new HttpServerCodec(decoder),
                                new HttpServerKeepAliveHandler(),
                                compression.newHandler(),
                                new EdgeConnection(services));
                    }
                });
        try {
            listener = bootstrap.bind(address, configuredPort).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while binding the gateway port", e);
        }
        port = ((InetSocketAddress) listener.localAddress()).getPort();
        log.info("Gateway edge listening on {}:{} ({} event loops, {})", address, port, loops.size(),
                loops.transport());
    }

    @Override
    public synchronized void stop() {
        if (listener == null) {
            return;
        }
        listener.close().syncUninterruptibly();
        long deadline = System.nanoTime() + grace.toNanos();
        while (services.inFlight() > 0 && System.nanoTime() < deadline) {
            sleepBriefly();
        }
        connections.close().awaitUninterruptibly(1, TimeUnit.SECONDS);
        boss.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        listener = null;
        port = -1;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return listener != null;
    }

    /** After the internal web server (which the edge forwards the gateway's own pages to) and before the others. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }
}
