package uk.co.lomashwood.tools.checks.lint;

import org.junit.jupiter.api.Test;
import uk.co.lomashwood.tools.checks.Repository;

import static org.assertj.core.api.Assertions.assertThat;

class DockerfileLintTest {

    private static final String GOOD = """
            # syntax=docker/dockerfile:1.7
            ARG JAVA_VERSION=21
            FROM --platform=$BUILDPLATFORM eclipse-temurin:${JAVA_VERSION}-jdk-alpine AS build
            RUN ./mvnw package
            FROM build AS test
            FROM eclipse-temurin:21-jre-alpine@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
            COPY --from=build /out/app.jar /app/
            USER 10001:10001
            HEALTHCHECK CMD curl -fsS http://127.0.0.1:8080/health/live || exit 1
            ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75"]
            CMD ["-jar", "/app/app.jar"]
            """;

    @Test
    void theRepositoryDockerfileFollowsEveryRule() {
        Repository repo = Repository.current();
        String file = "deploy/Dockerfile";
        assertThat(DockerfileLint.check(file, repo.read(repo.root().resolve(file)))).isEmpty();
    }

    @Test
    void aGoodSamplePasses() {
        assertThat(DockerfileLint.check("Dockerfile", GOOD)).isEmpty();
    }

    @Test
    void eachRuleFires() {
        String bad = """
                FROM eclipse-temurin:latest
                ARG DB_PASSWORD=hunter2-but-longer
                ENV API_TOKEN=abc123 \\
                    LOG_FORMAT=json
                ADD https://example.invalid/app.jar /app/app.jar
                USER root
                HEALTHCHECK NONE
                ENTRYPOINT java -jar /app/app.jar
                """;
        assertThat(DockerfileLint.check("Dockerfile", bad)).extracting(Finding::rule).containsExactlyInAnyOrder(
                "pinned-base", "no-secrets", "no-secrets", "use-copy", "exec-form", "multi-stage", "non-root",
                "healthcheck", "jvm-container-memory");
    }

    @Test
    void anUnpinnedBaseIsFoundThroughItsArgAndNamesTheLine() {
        String dockerfile = GOOD.replace("ARG JAVA_VERSION=21", "ARG JAVA_VERSION=lts");
        assertThat(DockerfileLint.check("Dockerfile", dockerfile)).singleElement().satisfies(f -> {
            assertThat(f.rule()).isEqualTo("pinned-base");
            assertThat(f.where()).isEqualTo("3");
            assertThat(f.message()).contains("eclipse-temurin:lts-jdk-alpine");
        });
    }
}
