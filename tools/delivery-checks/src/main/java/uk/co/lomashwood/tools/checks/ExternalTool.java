package uk.co.lomashwood.tools.checks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool (shellcheck, actionlint, the smoke-test script) and captures its output.
 * Whether a missing tool may be skipped is the caller's choice: in CI ({@code CI=true}) it may not.
 */
public final class ExternalTool {

    public record Result(int exitCode, String output) {
    }

    private ExternalTool() {
    }

    public static boolean onPath(String command) {
        try {
            return run(Path.of("."), List.of("sh", "-c", "command -v " + command), Map.of(), 10).exitCode() == 0;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** In CI a missing tool is a failure, on a developer machine a skip: {@code CI=true} decides. */
    public static boolean mustRun() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    public static Result run(Path dir, List<String> command, Map<String, String> env, int timeoutSeconds) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(command + " did not finish in " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
