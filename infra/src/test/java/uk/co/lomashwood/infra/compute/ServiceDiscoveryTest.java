package uk.co.lomashwood.infra.compute;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.list;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;

/**
 * Spec 00 §0.1/§2.7: services reach each other inside the VPC through a Cloud Map private DNS namespace,
 * never through the ALB or the NAT.
 */
class ServiceDiscoveryTest {

    private static final String NAMESPACE = "AWS::ServiceDiscovery::PrivateDnsNamespace";
    private static final String DISCOVERY = "AWS::ServiceDiscovery::Service";

    @ParameterizedTest
    @CsvSource({"staging,lomash-staging.internal", "production,lomash-prod.internal"})
    void onePrivateNamespaceVisibleOnlyInTheVpc(String env, String name) {
        assertThat(Templates.config(env).serviceNamespace()).isEqualTo(name);
        services(env).resourceCountIs(NAMESPACE, 1);
        services(env).hasResourceProperties(NAMESPACE, Map.of(
                "Name", name,
                "Vpc", Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*NetworkVpc.*"))));
        services(env).resourceCountIs("AWS::ServiceDiscovery::PublicDnsNamespace", 0);
        services(env).resourceCountIs("AWS::ServiceDiscovery::HttpNamespace", 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyServiceRegistersItsHealthyTasksAsShortLivedARecords(String env) {
        services(env).resourceCountIs(DISCOVERY, 9);
        for (ServiceSpec spec : PlatformServices.ALL) {
            services(env).hasResourceProperties(DISCOVERY, Map.of(
                    "Name", spec.name(),
                    "NamespaceId", Map.of("Fn::GetAtt", List.of(Match.stringLikeRegexp("Namespace.*"), "Id")),
                    "DnsConfig", Match.objectLike(Map.of(
                            "RoutingPolicy", "MULTIVALUE",
                            "DnsRecords", List.of(Map.of("Type", "A", "TTL", ServiceEnvironment.DNS_TTL_SECONDS)))),
                    // ECS reports task health (container health check) to Cloud Map.
                    "HealthCheckCustomConfig", Map.of("FailureThreshold", 1)));
            services(env).hasResourceProperties("AWS::ECS::Service", Map.of(
                    "ServiceName", spec.name(),
                    "ServiceRegistries", List.of(Map.of("RegistryArn", Map.of("Fn::GetAtt", List.of(
                            Match.stringLikeRegexp(spec.constructId() + "(Service)?CloudmapService.*"), "Arn"))))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void everyServiceCallsTheOthersAtTheirInVpcAddress(String env) {
        String namespace = Templates.config(env).serviceNamespace();
        for (ServiceSpec caller : PlatformServices.ALL) {
            Map<String, Object> vars = environment(env, caller.name());
            for (ServiceSpec callee : PlatformServices.ALL) {
                String key = callee.envPrefix() + "_SERVICE_URL";
                if (callee.isGateway() || callee.equals(caller)) {
                    assertThat(vars).as(caller.name()).doesNotContainKey(key);
                } else {
                    assertThat(vars).as(caller.name()).containsEntry(key,
                            "http://" + callee.name() + "." + namespace + ":" + callee.port());
                }
            }
            if (caller.name().equals("auth-service")) {
                assertThat(vars).doesNotContainKey("AUTH_JWKS_URL");
            } else {
                assertThat(vars).as(caller.name()).containsEntry("AUTH_JWKS_URL",
                        "http://auth-service." + namespace + ":3001/internal/jwks.json");
            }
            // Nothing points back at the public domain or the ALB.
            assertThat(vars.values().stream().map(Object::toString).filter(v -> v.contains("://")).toList())
                    .as(caller.name())
                    .noneMatch(v -> v.contains(Templates.config(env).domainName()))
                    .noneMatch(v -> v.startsWith("https://"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theJvmDoesNotCacheServiceAddressesLongerThanTheRecordsLive(String env) {
        for (ServiceSpec spec : PlatformServices.ALL) {
            assertThat(environment(env, spec.name())).containsEntry("JAVA_TOOL_OPTIONS",
                    "-XX:MaxRAMPercentage=75 -Dsun.net.inetaddr.ttl=" + ServiceEnvironment.DNS_TTL_SECONDS);
        }
    }

    private static Map<String, Object> environment(String env, String service) {
        return list(EcsServicesTest.container(env, service).get("Environment")).stream().map(Templates::map)
                .collect(Collectors.toMap(v -> v.get("Name").toString(), v -> v.get("Value")));
    }
}
