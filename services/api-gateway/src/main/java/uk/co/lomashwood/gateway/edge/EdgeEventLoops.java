package uk.co.lomashwood.gateway.edge;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The edge's I/O threads, shared by client connections and upstream connections: {@code lomash.gateway.edge
 * .event-loops}, by default one per available core. Native epoll where Netty's Linux x86-64 library loads (the
 * production tasks, this machine), Java NIO elsewhere; {@code lomash.gateway.edge.native-transport=false} forces NIO.
 */
@Component
public class EdgeEventLoops implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EdgeEventLoops.class);

    private final boolean epoll;
    private final EventLoopGroup group;
    private final int size;

    public EdgeEventLoops(@Value("${lomash.gateway.edge.event-loops:0}") int configured,
            @Value("${lomash.gateway.edge.native-transport:true}") boolean nativeTransport) {
        this.size = configured > 0 ? configured : Runtime.getRuntime().availableProcessors();
        this.epoll = nativeTransport && Epoll.isAvailable();
        this.group = newGroup(size, "gateway-io");
        log.debug("Gateway edge transport: {}", epoll ? "epoll" : "nio");
    }

    /** A further group on the same transport (the edge's accept thread). */
    EventLoopGroup newGroup(int threads, String name) {
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name, true), io);
    }

    public EventLoopGroup group() {
        return group;
    }

    public int size() {
        return size;
    }

    public String transport() {
        return epoll ? "epoll" : "nio";
    }

    public Class<? extends ServerChannel> serverChannel() {
        return epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public Class<? extends SocketChannel> socketChannel() {
        return epoll ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    @Override
    public void destroy() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3000);
    }
}
