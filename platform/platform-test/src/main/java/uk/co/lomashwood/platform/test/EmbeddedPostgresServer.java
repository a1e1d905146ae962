package uk.co.lomashwood.platform.test;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL 16 server (zonky embedded binaries) listening on 127.0.0.1.
 *
 * <p>Tests normally use {@link #shared()}: one server per JVM, started lazily and stopped by a shutdown hook,
 * with one database per test class or service created through {@link #createDatabaseIfMissing(String)}.
 * The local launcher uses {@link #start(Path, int)} with a persistent data directory instead.
 *
 * <p>Authentication is {@code trust}: {@link #username()} is {@code postgres} and any password is accepted.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    /** Extensions every service database may use (spec 00 §5.1); created in each new database. */
    public static final List<String> EXTENSIONS = List.of("citext", "pgcrypto", "btree_gist", "pg_trgm");

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String USER = "postgres";
    private static final String PASSWORD = "postgres";

    private static volatile EmbeddedPostgresServer shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server.
     *
     * @param dataDirOrNull {@code null} for a temporary data directory deleted on {@link #close()}; otherwise a
     *                      persistent directory, initialised on first use and reused on later starts
     * @param portOrZero    the TCP port, or {@code 0} to pick a free one
     */
    public static EmbeddedPostgresServer start(Path dataDirOrNull, int portOrZero) {
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(FreePorts.pick(portOrZero))
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("timezone", "UTC")
                    .setServerConfig("synchronous_commit", "off");
            if (dataDirOrNull == null) {
                // Throwaway data: durability buys nothing, speed does.
                builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
            } else {
                Files.createDirectories(dataDirOrNull);
                builder.setDataDirectory(dataDirOrNull).setCleanDataDirectory(false);
            }
            return new EmbeddedPostgresServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to start", e);
        }
    }

    /** The JVM-wide server for tests: started on first call, stopped when the JVM exits. */
    public static EmbeddedPostgresServer shared() {
        EmbeddedPostgresServer server = shared;
        if (server == null) {
            synchronized (EmbeddedPostgresServer.class) {
                server = shared;
                if (server == null) {
                    server = start(null, 0);
                    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "embedded-postgres-stop"));
                    shared = server;
                }
            }
        }
        return server;
    }

    /**
     * Creates the database unless it exists, then makes sure the {@link #EXTENSIONS} exist in it.
     *
     * @param name lower-case letters, digits and underscores
     * @return the JDBC URL of the database
     */
    public synchronized String createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Invalid database name: " + name);
        }
        try {
            try (Connection admin = connect("postgres")) {
                if (!exists(admin, name)) {
                    try (Statement statement = admin.createStatement()) {
                        statement.execute("CREATE DATABASE \"" + name + "\"");
                    }
                }
            }
            try (Connection db = connect(name); Statement statement = db.createStatement()) {
                for (String extension : EXTENSIONS) {
                    statement.execute("CREATE EXTENSION IF NOT EXISTS " + extension);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
        return jdbcUrl(name);
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public int port() {
        return postgres.getPort();
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /** Opens a plain JDBC connection, mostly for test assertions. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Embedded PostgreSQL failed to stop", e);
        }
    }

    private static boolean exists(Connection admin, String name) throws SQLException {
        try (PreparedStatement query = admin.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }
}
