package uk.co.lomashwood.launcher;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./mvnw -pl launcher -am spring-boot:run}: starts the whole platform locally and keeps it
 * running until Ctrl-C, which stops every service and embedded server cleanly.
 */
public final class LomashLauncher {

    private LomashLauncher() {
    }

    public static void main(String[] args) throws Exception {
        Instant started = Instant.now();
        LauncherOptions options = LauncherOptions.fromEnvironment(args, System.getenv());
        LocalPlatform platform = LocalPlatform.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Lomash Wood platform…");
            platform.close();
            stopped.countDown();
        }, "lomash-shutdown"));
        System.out.println(StartupReport.render(platform, options, Duration.between(started, Instant.now())));
        stopped.await();
    }
}
