package uk.co.lomashwood.tools.checks.lint;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import uk.co.lomashwood.tools.checks.Repository;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SecretScanTest {

    @Test
    void noCredentialInTheDeliveryFiles() {
        Repository repo = Repository.current();
        List<Path> files = new ArrayList<>();
        for (String folder : List.of("deploy", ".github", "scripts", "tools/checkstyle", "tools/actionlint")) {
            files.addAll(repo.files(folder, p -> !p.endsWith("package-lock.json")));
        }
        files.add(repo.root().resolve("docs/delivery.md"));
        assertThat(files).hasSizeGreaterThan(20);

        List<Finding> findings = new ArrayList<>();
        files.stream().filter(p -> p.toFile().exists())
                .forEach(p -> findings.addAll(SecretScan.scan(repo.relative(p), repo.read(p))));
        assertThat(findings).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "aws_access_key_id = AKIAIOSFODNN7EXAMPLE",
            "AWS_SECRET_ACCESS_KEY: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "STRIPE_SECRET_KEY=sk_live_51HxAbCdEfGhIjKlMnOpQr",
            "webhook: whsec_1234567890abcdefABCDEF",
            "-----BEGIN RSA PRIVATE KEY-----",
            "-----BEGIN OPENSSH PRIVATE KEY-----",
            "token: ghp_0123456789abcdefghijABCDEFGHIJ0123456789",
            "url: https://hooks.slack.com/services/T0000/B0000/XXXX",
            "DATABASE_URL=postgresql://lomash:Sup3rSecret@db:5432/lomash_auth",
            "POSTGRES_PASSWORD: Sup3r-Secret-99",
            "password: \"hunter2hunter2!\"",
            "export INTERNAL_TOKEN=9f86d081884c7d659a2feaa0c55ad015",
            "GF_SECURITY_ADMIN_PASSWORD=admin12345"})
    void credentialsAreFound(String line) {
        assertThat(SecretScan.scan("f", line)).as(line).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?run scripts/dev-stack env first}",
            "SMOKE_PASSWORD: ${{ secrets.SMOKE_PASSWORD }}",
            "password=\"${SMOKE_PASSWORD:-}\"",
            "echo \"INTERNAL_TOKEN=$(random_secret)\"",
            "--password-env DATABASE_PASSWORD",
            "DATABASE_PASSWORD: DB_PASSWORD",
            "# the password is only ever taken from an environment variable",
            "role-to-assume: ${{ secrets.AWS_STAGING_DEPLOY_ROLE_ARN }}",
            "secret path lomash-prod/database-url",
            "LOCALSTACK_SECRET_KEY=test",
            "ARG DB_PASSWORD=example-only-1  # secret-scan: allow (documentation sample)"})
    void referencesAndProseAreNot(String line) {
        assertThat(SecretScan.scan("f", line)).as(line).isEmpty();
    }
}
