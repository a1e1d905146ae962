package uk.co.lomashwood.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.list;
import static uk.co.lomashwood.infra.Templates.map;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;

/** The nine Fargate services: ports, sizing per environment, health checks, AZ spread and injected secrets. */
class EcsServicesTest {

    private static final String TASK = "AWS::ECS::TaskDefinition";
    private static final String SERVICE = "AWS::ECS::Service";

    @ParameterizedTest
    @CsvSource({
            "staging,api-gateway,3000", "staging,auth-service,3001", "staging,product-service,3002",
            "staging,order-payment-service,3003", "staging,appointment-service,3004", "staging,content-service,3005",
            "staging,customer-service,3006", "staging,notification-service,3007", "staging,analytics-service,3008",
            "production,api-gateway,3000", "production,auth-service,3001", "production,product-service,3002",
            "production,order-payment-service,3003", "production,appointment-service,3004",
            "production,content-service,3005", "production,customer-service,3006",
            "production,notification-service,3007", "production,analytics-service,3008"})
    void serviceListensOnItsPortAndIsRegisteredWithTheAlb(String env, String name, int port) {
        Map<String, Object> container = container(env, name);
        assertThat(container.get("PortMappings")).isEqualTo(List.of(Map.of("ContainerPort", port, "Protocol", "tcp")));
        assertThat(map(container.get("HealthCheck"))).isEqualTo(Map.of(
                "Command", List.of("CMD-SHELL", "curl -fsS http://localhost:" + port + "/health/ready || exit 1"),
                "Interval", 15, "Timeout", 5, "Retries", 5, "StartPeriod", 60));
        assertThat(container.get("StopTimeout")).isEqualTo(30);
        services(env).hasResourceProperties(SERVICE, Map.of(
                "ServiceName", name, "LaunchType", "FARGATE",
                "LoadBalancers", List.of(Map.of("ContainerName", name, "ContainerPort", port,
                        "TargetGroupArn", Match.anyValue()))));
    }

    @ParameterizedTest
    @CsvSource({"staging,512,1024", "production,1024,2048"})
    void everyTaskHasTheSeedsSizing(String env, String cpu, String memory) {
        services(env).resourceCountIs(TASK, 9);
        services(env).allResourcesProperties(TASK, Map.of("Cpu", cpu, "Memory", memory,
                "RequiresCompatibilities", List.of("FARGATE"), "NetworkMode", "awsvpc"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void servicesRunInTheThreePrivateSubnetsWithoutPublicIps(String env) {
        services(env).resourceCountIs(SERVICE, 9);
        services(env).allResourcesProperties(SERVICE, Map.of("NetworkConfiguration", Map.of("AwsvpcConfiguration", Map.of(
                "AssignPublicIp", "DISABLED",
                "SecurityGroups", List.of(Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*SecurityGroupsEcsTasks.*"))),
                "Subnets", List.of(
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet1.*")),
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet2.*")),
                        Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*PrivateSubnet3.*")))))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void clusterHasContainerInsights(String env) {
        services(env).hasResourceProperties("AWS::ECS::Cluster", Map.of(
                "ClusterName", Templates.config(env).physicalName("cluster"),
                "ClusterSettings", List.of(Map.of("Name", "containerInsights", "Value", "enhanced"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void logsGoToOneGroupPerServiceWithTheSpecsRetention(String env) {
        int days = env.equals("production") ? 30 : 7;
        for (var spec : uk.co.lomashwood.infra.config.PlatformServices.ALL) {
            services(env).hasResourceProperties("AWS::Logs::LogGroup", Map.of(
                    "LogGroupName", "/lomash/" + env + "/" + spec.name(), "RetentionInDays", days));
            assertThat(map(container(env, spec.name()).get("LogConfiguration")).get("LogDriver")).isEqualTo("awslogs");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "api-gateway;REDIS_URL,NEXTAUTH_SECRET,INTERNAL_TOKEN",
            "auth-service;DATABASE_URL,REDIS_URL,JWT_SECRET,BETTER_AUTH_SECRET,INTERNAL_TOKEN",
            "product-service;DATABASE_URL,REDIS_URL,INTERNAL_TOKEN",
            "order-payment-service;DATABASE_URL,REDIS_URL,STRIPE_SECRET_KEY,STRIPE_WEBHOOK_SECRET,INTERNAL_TOKEN",
            "appointment-service;DATABASE_URL,REDIS_URL,INTERNAL_TOKEN",
            "content-service;DATABASE_URL,REDIS_URL,S3_ACCESS_KEY,S3_SECRET_KEY,INTERNAL_TOKEN",
            "customer-service;DATABASE_URL,REDIS_URL,INTERNAL_TOKEN",
            "notification-service;DATABASE_URL,REDIS_URL,SES_SMTP_PASSWORD,TWILIO_AUTH_TOKEN,FIREBASE_SERVICE_ACCOUNT,INTERNAL_TOKEN",
            "analytics-service;DATABASE_URL,REDIS_URL,INTERNAL_TOKEN"})
    void secretsAreInjectedPerTheSeedsConsumedByColumn(String name, String expected) {
        for (String env : Templates.ENVIRONMENTS) {
            List<Object> secrets = list(container(env, name).get("Secrets"));
            Set<String> names = secrets.stream().map(s -> map(s).get("Name").toString()).collect(Collectors.toSet());
            assertThat(names).as(env + " " + name).containsExactlyInAnyOrder(expected.split(","));
            assertThat(list(container(env, name).get("Environment")).toString())
                    .as("no secret value in plain environment").doesNotContainIgnoringCase("secret-key");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void databaseUrlIsTheServicesOwnFieldOfTheSharedSecret(String env) {
        Map<String, Object> secret = list(container(env, "order-payment-service").get("Secrets")).stream().map(Templates::map)
                .filter(s -> s.get("Name").equals("DATABASE_URL")).findFirst().orElseThrow();
        assertThat(secret.get("ValueFrom").toString()).contains(":order-payment-service::");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void gatewayKnowsEveryUpstreamUrlAndNoCredentials(String env) {
        List<Object> environment = list(container(env, "api-gateway").get("Environment"));
        Map<String, Object> vars = environment.stream().map(Templates::map)
                .collect(Collectors.toMap(v -> v.get("Name").toString(), v -> v.get("Value")));
        String namespace = Templates.config(env).serviceNamespace();
        assertThat(vars).containsEntry("PRODUCT_SERVICE_URL", "http://product-service." + namespace + ":3002")
                .containsEntry("ORDER_PAYMENT_SERVICE_URL", "http://order-payment-service." + namespace + ":3003")
                .containsEntry("AUTH_SERVICE_URL", "http://auth-service." + namespace + ":3001")
                .containsEntry("AUTH_JWKS_URL", "http://auth-service." + namespace + ":3001/internal/jwks.json")
                .containsEntry("PORT", "3000")
                .containsEntry("REDIS_DATABASE", "8")
                .containsEntry("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=10");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void imagesComeFromTheServicesOwnEcrRepository(String env) {
        assertThat(container(env, "auth-service").get("Image").toString())
                .contains("RegistryAuthService").contains(".dkr.ecr.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging"})
    void stagingRollsOneTaskAtATimeAcrossAzs(String env) {
        services(env).allResourcesProperties(SERVICE, Map.of(
                "DesiredCount", 1,
                "AvailabilityZoneRebalancing", "ENABLED",
                "DeploymentConfiguration", Match.objectLike(Map.of("MinimumHealthyPercent", 100, "MaximumPercent", 200,
                        "DeploymentCircuitBreaker", Map.of("Enable", true, "Rollback", true))),
                "DeploymentController", Map.of("Type", "ECS")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"production"})
    void productionStartsWithOneTaskPerAzUnderCodeDeploy(String env) {
        services(env).allResourcesProperties(SERVICE, Map.of(
                "DesiredCount", 3,
                "DeploymentController", Map.of("Type", "CODE_DEPLOY"),
                "DeploymentConfiguration", Map.of("MinimumHealthyPercent", 100, "MaximumPercent", 200)));
    }

    static Map<String, Object> container(String env, String service) {
        Map<String, Object> task = Templates.only(services(env), TASK,
                Map.of("Family", Templates.config(env).physicalName(service)));
        List<Object> containers = list(task.get("ContainerDefinitions"));
        assertThat(containers).hasSize(1);
        return map(containers.get(0));
    }
}
