package uk.co.lomashwood.launcher;

import java.nio.file.Path;
import java.util.Map;

/**
 * How to run: where data lives, whether to wipe it first, and the ports. Defaults are the
 * documented ones; {@link #ephemeral()} gives a throw-away platform on free ports for tests.
 */
public record LauncherOptions(Path dataDir, boolean reset, boolean randomPorts, int postgresPort, int redisPort,
                              int smtpPort, int mailboxPort, Map<String, Object> overrides) {

    /** The same options with extra properties given to every service (tests use it to tighten limits). */
    public LauncherOptions withOverrides(Map<String, Object> extra) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(overrides);
        merged.putAll(extra);
        return new LauncherOptions(dataDir, reset, randomPorts, postgresPort, redisPort, smtpPort, mailboxPort, Map.copyOf(merged));
    }

    public static LauncherOptions fromEnvironment(String[] args, Map<String, String> env) {
        boolean reset = false;
        for (String arg : args) {
            if ("--reset".equals(arg)) {
                reset = true;
            } else if ("--help".equals(arg) || "-h".equals(arg)) {
                System.out.println("""
                        Usage: LomashLauncher [--reset]
                          --reset   delete the local data folder first (databases, Redis, signing keys)
                        Environment: LOMASH_DATA_DIR (default ./.data), LOMASH_RESET=true,
                          LOMASH_PG_PORT (15432), LOMASH_REDIS_PORT (16379), LOMASH_SMTP_PORT (2525),
                          LOMASH_MAILBOX_PORT (8025)""");
                System.exit(0);
            } else {
                throw new IllegalArgumentException("unknown argument " + arg + " (try --help)");
            }
        }
        reset = reset || Boolean.parseBoolean(env.getOrDefault("LOMASH_RESET", "false"));
        return new LauncherOptions(Path.of(env.getOrDefault("LOMASH_DATA_DIR", ".data")).toAbsolutePath(), reset, false,
                port(env, "LOMASH_PG_PORT", 15432), port(env, "LOMASH_REDIS_PORT", 16379),
                port(env, "LOMASH_SMTP_PORT", 2525), port(env, "LOMASH_MAILBOX_PORT", 8025), Map.of());
    }

    /** A platform for tests: fresh data in {@code dataDir}, every port picked free. */
    public static LauncherOptions ephemeral(Path dataDir) {
        return new LauncherOptions(dataDir, true, true, 0, 0, 0, 0, Map.of());
    }

    private static int port(Map<String, String> env, String name, int fallback) {
        String value = env.get(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
