package uk.co.lomashwood.tools.checks;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.co.lomashwood.tools.checks.lint.Yamls4Tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/** Every shell script of the delivery tooling, and every run: block of the workflows, passes shellcheck. */
class ShellcheckTest {

    private static final Repository REPO = Repository.current();

    @BeforeAll
    static void shellcheckIsInstalled() {
        if (!ExternalTool.onPath("shellcheck")) {
            String message = "shellcheck is not installed (Debian/Ubuntu: apt-get install shellcheck)";
            if (ExternalTool.mustRun()) {
                fail(message + " — required when CI=true");
            }
            abort(message + "; skipped on this machine");
        }
    }

    static List<Path> shellScripts() {
        List<Path> scripts = new ArrayList<>();
        for (String folder : List.of("scripts", "deploy", "tools")) {
            for (Path file : REPO.files(folder, p -> true)) {
                String text = REPO.read(file);
                if (file.toString().endsWith(".sh") || text.startsWith("#!/usr/bin/env bash") || text.startsWith("#!/bin/sh")
                        || text.startsWith("#!/bin/bash")) {
                    scripts.add(file);
                }
            }
        }
        return scripts;
    }

    @Test
    void theScriptsPass() {
        List<Path> scripts = shellScripts();
        assertThat(scripts).extracting(REPO::relative).contains("scripts/smoke-test", "scripts/db-migrate",
                "scripts/deploy/migrate", "deploy/localstack/init/ready.d/10-event-bus.sh");
        List<String> command = new ArrayList<>(List.of("shellcheck", "-x"));
        scripts.forEach(p -> command.add(REPO.relative(p)));
        ExternalTool.Result result = ExternalTool.run(REPO.root(), command, Map.of(), 120);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    @Test
    void theWorkflowRunBlocksPass(@TempDir Path dir) throws IOException {
        List<String> command = new ArrayList<>(List.of("shellcheck", "--shell=bash"));
        for (Path workflow : REPO.files(".github/workflows", p -> p.endsWith(".yml"))) {
            List<String> runs = Yamls4Tests.runBlocks(REPO.read(workflow));
            for (int i = 0; i < runs.size(); i++) {
                // ${{ }} is expanded by the runner before bash sees the script: stand in a plain word.
                String script = runs.get(i).replaceAll("\\$\\{\\{[^}]*}}", "GHA_EXPRESSION");
                Path file = dir.resolve(workflow.getFileName() + "-run-" + i + ".sh");
                Files.writeString(file, script);
                command.add(file.toString());
            }
        }
        assertThat(command).hasSizeGreaterThan(10);
        ExternalTool.Result result = ExternalTool.run(REPO.root(), command, Map.of(), 120);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
