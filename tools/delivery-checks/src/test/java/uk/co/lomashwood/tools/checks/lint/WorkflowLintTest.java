package uk.co.lomashwood.tools.checks.lint;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import uk.co.lomashwood.tools.checks.Repository;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class WorkflowLintTest {

    private static final Repository REPO = Repository.current();

    private static final String GOOD = """
            name: sample
            on:
              pull_request:
            permissions:
              contents: read
              id-token: write
            jobs:
              build:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@v4
                  - uses: aws-actions/configure-aws-credentials@v4
                    with:
                      role-to-assume: ${{ secrets.ROLE }}
                      aws-region: eu-west-2
                  - run: scripts/smoke-test "${{ vars.URL }}"
                    env:
                      SMOKE_PASSWORD: ${{ secrets.SMOKE_PASSWORD }}
              later:
                needs: build
                if: ${{ always() && contains(needs.*.result, 'failure') }}
                uses: ./.github/workflows/other.yml
            """;

    @TestFactory
    Stream<DynamicTest> theRepositoryWorkflowsPass() {
        List<Path> workflows = REPO.files(".github/workflows", p -> p.endsWith(".yml") || p.endsWith(".yaml"));
        assertThat(workflows).extracting(p -> p.getFileName().toString())
                .contains("ci.yml", "deploy-staging.yml", "deploy-production.yml", "rollback.yml");
        return workflows.stream().map(p -> DynamicTest.dynamicTest(REPO.relative(p),
                () -> assertThat(WorkflowLint.check(REPO.relative(p), REPO.read(p))).isEmpty()));
    }

    @TestFactory
    Stream<DynamicTest> everySeedPipelineStepHasItsJobOrStepInOrder() {
        return PipelineMap.SEED.keySet().stream().map(file -> DynamicTest.dynamicTest(file, () -> {
            String yaml = REPO.read(REPO.root().resolve(".github/workflows").resolve(file));
            assertThat(PipelineMap.check(file, yaml, !file.equals("ci.yml"))).isEmpty();
        }));
    }

    @Test
    void deploymentsUseProjectCommandsNotInlineAwsCalls() {
        for (String file : List.of("deploy-staging.yml", "deploy-production.yml", "rollback.yml")) {
            String yaml = REPO.read(REPO.root().resolve(".github/workflows").resolve(file));
            assertThat(yaml.lines().map(String::strip).filter(l -> l.matches("(run: )?(aws|docker|kubectl) .*")))
                    .as(file + " runs AWS through scripts/deploy").isEmpty();
        }
    }

    @Test
    void aGoodSamplePasses() {
        assertThat(WorkflowLint.check("w.yml", GOOD)).isEmpty();
    }

    @Test
    void eachRuleFires() {
        String bad = GOOD
                .replace("  pull_request:", "  pull_request_target:")
                .replace("permissions:\n  contents: read\n  id-token: write\n", "")
                .replace("actions/checkout@v4", "actions/checkout@main")
                .replace("role-to-assume: ${{ secrets.ROLE }}", "aws-access-key-id: ${{ secrets.KEY }}")
                .replace("scripts/smoke-test \"${{ vars.URL }}\"", "echo ${{ secrets.SMOKE_PASSWORD }} ${{ github.foo }")
                .replace("needs: build", "needs: [build, deploy]")
                .replace("    runs-on: ubuntu-latest\n", "");
        assertThat(WorkflowLint.check("w.yml", bad)).extracting(Finding::rule).containsExactlyInAnyOrder(
                "triggers", "permissions", "pinned-action", "oidc", "oidc", "script-injection", "expression", "needs",
                "runs-on");
    }

    @Test
    void unknownContextsAndCyclesAreFound() {
        String bad = GOOD.replace("${{ vars.URL }}", "${{ var.URL }}") + """
                  a:
                    runs-on: ubuntu-latest
                    needs: b
                    steps: [{ run: echo }]
                  b:
                    runs-on: ubuntu-latest
                    needs: a
                    steps: [{ run: echo }]
                """;
        assertThat(WorkflowLint.check("w.yml", bad)).extracting(Finding::rule)
                .containsExactlyInAnyOrder("expression", "needs", "needs");
    }

    @Test
    void theMapNoticesAMissingOrMisorderedStep() {
        String staging = REPO.read(REPO.root().resolve(".github/workflows/deploy-staging.yml"));
        assertThat(PipelineMap.check("deploy-staging.yml", staging.replace("Push to ECR", "Upload"), true))
                .singleElement().asString().contains("Push to ECR (tagged with git SHA)");
        assertThat(PipelineMap.check("deploy-staging.yml", staging.replace("needs: [plan, migrate]", "needs: [plan, images]"), true))
                .singleElement().asString().contains("does not run after \"prisma migrate deploy\"");
    }
}
