import java.net.InetSocketAddress;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The floor of the gateway-cost measurement (FLOOR=true): the cheapest HTTP/1.1 keep-alive proxy Netty allows, with
 * none of the gateway's rules — one upstream connection per client connection on the same event loop, the internal
 * token added, the answer written back. Whatever it costs against calling the service directly is the price of the
 * second HTTP hop itself on this machine, which no gateway can go below.
 */
final class BareProxy {

    private BareProxy() {
    }

    static int start(int upstreamPort, String internalToken) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, new DefaultThreadFactory("bare-proxy", true),
                EpollIoHandler.newFactory());
        Channel server = new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 20),
                                new Front(upstreamPort, internalToken));
                    }
                }).bind("127.0.0.1", 0).sync().channel();
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    private static final class Front extends SimpleChannelInboundHandler<FullHttpRequest> {

        private final int port;
        private final String token;
        private Channel upstream;

        Front(int port, String token) {
            this.port = port;
            this.token = token;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            FullHttpRequest forward = request.retainedDuplicate();
            forward.headers().set("X-Internal-Token", token);
            if (upstream != null) {
                upstream.writeAndFlush(forward);
                return;
            }
            Channel client = ctx.channel();
            new Bootstrap().group(client.eventLoop()).channel(EpollSocketChannel.class)
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(16 << 20),
                                    new SimpleChannelInboundHandler<FullHttpResponse>() {
                                        @Override
                                        protected void channelRead0(ChannelHandlerContext c, FullHttpResponse r) {
                                            client.writeAndFlush(r.retainedDuplicate());
                                        }
                                    });
                        }
                    }).connect("127.0.0.1", port).addListener((ChannelFutureListener) f -> {
                        upstream = f.channel();
                        upstream.writeAndFlush(forward);
                    });
        }
    }
}
