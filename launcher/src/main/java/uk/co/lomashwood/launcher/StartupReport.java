package uk.co.lomashwood.launcher;

import uk.co.lomashwood.auth.demo.DemoAccount;
import uk.co.lomashwood.auth.demo.DemoAccounts;

import java.time.Duration;
import java.util.List;

/** What a developer needs after start: where things are, and how to sign in as each role. */
final class StartupReport {

    private StartupReport() {
    }

    static String render(LocalPlatform platform, LauncherOptions options, Duration startup) {
        List<DemoAccount> accounts = platform.context(ServiceCatalogue.AUTH.name()).getBean(DemoAccounts.class).ensureSeeded();
        StringBuilder out = new StringBuilder();
        out.append("\n================ Lomash Wood platform is running (started in ")
                .append(startup.toMillis() / 1000.0).append(" s) ================\n");
        out.append("Gateway (all public APIs)  ").append(platform.gatewayUrl()).append("/v1/...\n");
        out.append("Swagger UI                 ").append(platform.gatewayUrl()).append("/swagger-ui.html\n");
        out.append("Health                     ").append(platform.gatewayUrl()).append("/health/services\n");
        out.append("Local mailbox              ").append(platform.mailboxUrl()).append("  (JSON: /api/messages)\n");
        out.append("Data folder                ").append(options.dataDir()).append("  (start with --reset to wipe)\n");
        out.append("\nDemo accounts:\n");
        for (DemoAccount account : accounts) {
            out.append(String.format("  %-12s %-36s password: %s%n", account.role(), account.email(), account.password()));
            if (account.totpSecretBase32OrNull() != null) {
                out.append(String.format("  %-12s TOTP secret (add to an authenticator app): %s%n", "", account.totpSecretBase32OrNull()));
            }
        }
        out.append("\nPress Ctrl-C to stop everything.\n");
        return out.toString();
    }
}
