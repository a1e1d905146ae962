package uk.co.lomashwood.tools.migrate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The command line of {@link DbMigrate}. Connection settings default to the variables every service
 * already reads ({@code DATABASE_URL}, {@code DATABASE_USERNAME}, {@code DATABASE_PASSWORD}), so the
 * same container environment that runs the service can run its migrations. The password is only
 * ever taken from an environment variable, never from the command line (it would show in {@code ps}).
 */
record MigrateOptions(String service, Command command, Optional<Path> jar, List<Path> locations,
                      JdbcTarget target, Duration lockTimeout) {

    enum Command { MIGRATE, INFO, VALIDATE }

    static final String USAGE = """
            Usage: db-migrate --service NAME [--jar FILE | --location DIR ...] [options]
              --service NAME        service whose migrations to apply, e.g. auth-service
              --jar FILE            the service's runnable jar (default services/NAME/target/NAME-*-exec.jar)
              --location DIR        a folder of .sql migrations instead of a jar (repeatable)
              --url JDBC_URL        database (default $DATABASE_URL; postgresql://user:pw@host/db is accepted)
              --user NAME           database user (default $DATABASE_USERNAME)
              --password-env VAR    environment variable holding the password (default DATABASE_PASSWORD)
              --command C           migrate (default), info or validate
              --lock-timeout DUR    how long one DDL statement may wait for a table lock, e.g. 10s (default 10s)
            """;

    static MigrateOptions parse(String[] args, Map<String, String> env) {
        String service = null;
        String url = env.get("DATABASE_URL");
        String user = env.get("DATABASE_USERNAME");
        String passwordEnv = "DATABASE_PASSWORD";
        Command command = Command.MIGRATE;
        Path jar = null;
        List<Path> locations = new ArrayList<>();
        Duration lockTimeout = Duration.ofSeconds(10);
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (flag.equals("--help") || flag.equals("-h")) {
                throw new UsageException("");
            }
            if (i + 1 >= args.length) {
                throw new UsageException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--service" -> service = value;
                case "--jar" -> jar = Path.of(value);
                case "--location" -> locations.add(Path.of(value));
                case "--url" -> url = value;
                case "--user" -> user = value;
                case "--password-env" -> passwordEnv = value;
                case "--command" -> command = command(value);
                case "--lock-timeout" -> lockTimeout = duration(value);
                default -> throw new UsageException("unknown option " + flag);
            }
        }
        if (service == null || !service.matches("[a-z][a-z0-9-]*")) {
            throw new UsageException("--service is required (lower-case module name, e.g. auth-service)");
        }
        if (jar != null && !locations.isEmpty()) {
            throw new UsageException("give either --jar or --location, not both");
        }
        if (url == null || url.isBlank()) {
            throw new UsageException("no database: pass --url or set DATABASE_URL");
        }
        JdbcTarget target = JdbcTarget.of(url, user, env.get(passwordEnv));
        return new MigrateOptions(service, command, Optional.ofNullable(jar), List.copyOf(locations), target, lockTimeout);
    }

    private static Command command(String value) {
        try {
            return Command.valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("unknown --command " + value + " (migrate, info, validate)");
        }
    }

    private static Duration duration(String value) {
        if (!value.matches("\\d+s")) {
            throw new UsageException("--lock-timeout takes whole seconds, e.g. 10s");
        }
        return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
    }

    /** A wrong command line: print the message and the usage, exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
