package uk.co.lomashwood.platform.test;

import redis.embedded.RedisServer;
import redis.embedded.core.RedisServerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A real redis-server (6.2, Streams included) bound to 127.0.0.1.
 *
 * <p>Tests normally use {@link #shared()} (one per JVM, stopped by a shutdown hook). The local launcher uses
 * {@link #start(Path, int)} with a data directory so that data survives restarts (append-only file).
 */
public final class EmbeddedRedisServer implements AutoCloseable {

    private static volatile EmbeddedRedisServer shared;

    private final RedisServer server;
    private final int port;

    private EmbeddedRedisServer(RedisServer server, int port) {
        this.server = server;
        this.port = port;
    }

    /**
     * Starts a server.
     *
     * @param dataDirOrNull {@code null} for an in-memory server; otherwise a directory for the append-only file
     * @param portOrZero    the TCP port, or {@code 0} to pick a free one
     */
    public static EmbeddedRedisServer start(Path dataDirOrNull, int portOrZero) {
        int port = FreePorts.pick(portOrZero);
        try {
            RedisServerBuilder builder = RedisServer.newRedisServer()
                    .port(port)
                    .bind("127.0.0.1")
                    .setting("protected-mode yes")
                    .setting("daemonize no");
            if (dataDirOrNull == null) {
                builder.setting("save \"\"").setting("appendonly no");
            } else {
                Files.createDirectories(dataDirOrNull);
                builder.setting("dir \"" + dataDirOrNull.toAbsolutePath() + "\"")
                        .setting("appendonly yes")
                        .setting("appendfsync everysec");
            }
            RedisServer server = builder.build();
            server.start();
            return new EmbeddedRedisServer(server, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis failed to start on port " + port, e);
        }
    }

    /** The JVM-wide server for tests: started on first call, stopped when the JVM exits. */
    public static EmbeddedRedisServer shared() {
        EmbeddedRedisServer server = shared;
        if (server == null) {
            synchronized (EmbeddedRedisServer.class) {
                server = shared;
                if (server == null) {
                    server = start(null, 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-redis-stop"));
                    shared = server;
                }
            }
        }
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:PORT}, the form of {@code spring.data.redis.url}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        try {
            if (server.isActive()) {
                server.stop();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded Redis failed to stop", e);
        }
    }
}
