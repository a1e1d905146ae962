package uk.co.lomashwood.tools.checks.lint;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.tools.checks.Repository;

import java.nio.file.Files;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class ComposeLintTest {

    private static final ServiceCatalogue TWO = ServiceCatalogue.parse("""
            # name\tport\tdatabase\tredis_db
            api-gateway\t3000\t-\t8
            auth-service\t3001\tlomash_auth\t0
            """);

    private static final String GOOD = """
            x-env: &env
              INTERNAL_TOKEN: ${INTERNAL_TOKEN:?set it}
            services:
              postgres:
                image: postgres:16-alpine
                environment:
                  POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}
                healthcheck: { test: [CMD, pg_isready] }
              api-gateway:
                build: { context: .., dockerfile: deploy/Dockerfile, args: { SERVICE: api-gateway } }
                depends_on: { postgres: { condition: service_healthy } }
                environment:
                  <<: *env
                  SERVER_PORT: "3000"
                  REDIS_URL: redis://redis:6379/8
                ports: ["127.0.0.1:3000:3000"]
                healthcheck: { test: [CMD, curl, -f, "http://127.0.0.1:3000/health/ready"] }
              auth-service:
                profiles: [auth-service]
                build: { context: .., dockerfile: deploy/Dockerfile, args: { SERVICE: auth-service } }
                environment:
                  <<: *env
                  SERVER_PORT: "3001"
                  REDIS_URL: redis://redis:6379/0
                  DATABASE_URL: jdbc:postgresql://postgres:5432/lomash_auth
                  DATABASE_USERNAME: lomash
                  DATABASE_PASSWORD: ${POSTGRES_PASSWORD:?set it}
                healthcheck: { test: [CMD, curl, -f, "http://127.0.0.1:3001/health/ready"] }
            """;

    @Test
    void theRepositoryStackIsCompleteAndWired() throws Exception {
        Repository repo = Repository.current();
        ServiceCatalogue catalogue = ServiceCatalogue.parse(repo.read(repo.root().resolve("deploy/services.tsv")));
        Set<String> built = catalogue.names().stream()
                .filter(name -> Files.exists(repo.root().resolve("services").resolve(name).resolve("pom.xml")))
                .collect(Collectors.toSet());

        assertThat(catalogue.names()).hasSize(9);
        assertThat(ComposeLint.check("deploy/docker-compose.yml", repo.read(repo.root().resolve("deploy/docker-compose.yml")),
                catalogue, built)).isEmpty();
    }

    @Test
    void aGoodSamplePasses() {
        assertThat(ComposeLint.check("c.yml", GOOD, TWO, Set.of("api-gateway"))).isEmpty();
    }

    @Test
    void eachRuleFires() {
        String bad = GOOD
                .replace("image: postgres:16-alpine", "image: postgres:latest")
                .replace("POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:?set it}", "POSTGRES_PASSWORD: s3cret-Passw0rd")
                .replace("healthcheck: { test: [CMD, pg_isready] }", "command: [postgres]")
                .replace("127.0.0.1:3000:3000", "3000:3000")
                .replace("depends_on: { postgres:", "depends_on: { db:")
                .replace("REDIS_URL: redis://redis:6379/0", "REDIS_URL: redis://redis:6379/1")
                .replace("      DATABASE_USERNAME: lomash\n", "")
                .replace("    profiles: [auth-service]\n", "");
        assertThat(ComposeLint.check("c.yml", bad, TWO, Set.of("api-gateway"))).extracting(Finding::rule)
                .containsExactlyInAnyOrder("pinned-image", "no-plaintext-secrets", "healthcheck", "loopback-ports",
                        "depends-on", "wiring", "database-credentials", "planned-profile");
    }

    @Test
    void aDefaultValueIsStillAPlaintextSecretAndAMissingServiceIsReported() {
        String withDefault = GOOD.replace("${POSTGRES_PASSWORD:?set it}", "${POSTGRES_PASSWORD:-postgres}");
        String bad = withDefault.substring(0, withDefault.indexOf("  auth-service:"));
        assertThat(ComposeLint.check("c.yml", bad, TWO, Set.of("api-gateway"))).extracting(Finding::rule)
                .containsExactlyInAnyOrder("no-plaintext-secrets", "all-services");
    }
}
