package uk.co.lomashwood.e2e;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.co.lomashwood.launcher.LauncherOptions;
import uk.co.lomashwood.launcher.LocalPlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the real platform once for the whole e2e run exactly as the README's run command does
 * (embedded PostgreSQL, Redis, SMTP, every service), but on free ports with a throw-away data
 * folder, and stops it when the run ends. Production rate limits (multiplier 1) so that limits can
 * be reached in a test.
 */
public final class RunningPlatform implements BeforeAllCallback {

    private static LocalPlatform platform;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (RunningPlatform.class) {
            if (platform == null) {
                Path data = Files.createTempDirectory("lomash-e2e");
                // The test client plays the load balancer: one trusted hop, so a test can pick its client
                // address with X-Forwarded-For and keep its rate-limit budget to itself.
                platform = LocalPlatform.start(LauncherOptions.ephemeral(data)
                        .withOverrides(Map.of("RATE_LIMIT_MULTIPLIER", 1, "TRUSTED_PROXY_HOPS", 1)));
                LocalPlatform started = platform;
                context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                        .put("lomash-platform", (AutoCloseable) () -> {
                            started.close();
                            LocalPlatform.deleteDataFolder(data);
                        });
            }
        }
    }

    static Gateway gateway() {
        return new Gateway(platform.gatewayUrl());
    }

    /** A seeded demo account (spec: one per role), as the launcher prints it. */
    static uk.co.lomashwood.auth.demo.DemoAccount demoAccount(uk.co.lomashwood.platform.core.security.Role role) {
        return platform.context("auth-service").getBean(uk.co.lomashwood.auth.demo.DemoAccounts.class).accounts().stream()
                .filter(account -> account.role() == role).findFirst().orElseThrow();
    }

    static Mailbox mailbox() {
        return new Mailbox(platform.mailboxUrl());
    }
}
