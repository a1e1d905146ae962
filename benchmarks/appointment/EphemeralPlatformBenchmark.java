import uk.co.lomashwood.launcher.LauncherOptions;
import uk.co.lomashwood.launcher.LocalPlatform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Starts the whole platform the way the e2e tests do (random ports, throw-away data folder, so it never collides with
 * a launcher already running), with the gateway's rate limits multiplied by 1000, runs {@link AppointmentBenchmark}
 * against it and stops it. See docs/performance-appointment.md for the command line.
 */
public class EphemeralPlatformBenchmark {

    public static void main(String[] args) throws Exception {
        Path data = Files.createTempDirectory("lomash-bench");
        LocalPlatform platform = LocalPlatform.start(LauncherOptions.ephemeral(data)
                .withOverrides(Map.of("RATE_LIMIT_MULTIPLIER", 1000)));
        try {
            AppointmentBenchmark.main(new String[]{platform.gatewayUrl(), args.length > 0 ? args[0] : "10",
                    args.length > 1 ? args[1] : "300"});
        } finally {
            platform.close();
            LocalPlatform.deleteDataFolder(data);
        }
        System.exit(0);
    }
}
