package uk.co.lomashwood.infra.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.co.lomashwood.infra.Templates.edge;
import static uk.co.lomashwood.infra.Templates.properties;
import static uk.co.lomashwood.infra.Templates.services;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awscdk.assertions.Match;
import uk.co.lomashwood.infra.Templates;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;

/**
 * Seed: one multi-AZ ALB, HTTPS :443 with ACM, HTTP :80 → 301 HTTPS, one target group per service. Spec 00
 * §0.1: only the gateway is attached to the public listener; the other target groups sit on the closed
 * listener, whose port the ALB security group never opens.
 */
class LoadBalancerTest {

    private static final String LISTENER = "AWS::ElasticLoadBalancingV2::Listener";
    private static final String TARGET_GROUP = "AWS::ElasticLoadBalancingV2::TargetGroup";
    private static final String RULE = "AWS::ElasticLoadBalancingV2::ListenerRule";

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void oneInternetFacingAlbAcrossThePublicSubnets(String env) {
        edge(env).resourceCountIs("AWS::ElasticLoadBalancingV2::LoadBalancer", 1);
        Map<String, Object> alb = properties(edge(env), "AWS::ElasticLoadBalancingV2::LoadBalancer").get(0);
        assertThat(alb.get("Scheme")).isEqualTo("internet-facing");
        assertThat(Templates.list(alb.get("Subnets"))).hasSize(3)
                .allSatisfy(s -> assertThat(s.toString()).contains("PublicSubnet"));
        assertThat(alb.get("LoadBalancerAttributes").toString())
                .contains("access_logs.s3.enabled", "routing.http.drop_invalid_header_fields.enabled");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void httpRedirectsToHttpsWith301(String env) {
        edge(env).resourceCountIs(LISTENER, 3);
        edge(env).hasResourceProperties(LISTENER, Map.of(
                "Port", 80, "Protocol", "HTTP",
                "DefaultActions", List.of(Map.of("Type", "redirect", "RedirectConfig", Map.of(
                        "Protocol", "HTTPS", "Port", "443", "StatusCode", "HTTP_301")))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void httpsUsesTheAcmCertificateAndATls13Policy(String env) {
        edge(env).hasResourceProperties(LISTENER, Map.of(
                "Port", 443, "Protocol", "HTTPS",
                "SslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06",
                "Certificates", List.of(Map.of("CertificateArn", Map.of("Ref", Match.stringLikeRegexp("Certificate.*")))),
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404")))))));
        edge(env).hasResourceProperties("AWS::CertificateManager::Certificate", Map.of(
                "DomainName", Templates.config(env).apiHostName(),
                "SubjectAlternativeNames", Match.absent(),
                "ValidationMethod", "DNS"));
    }

    @ParameterizedTest
    @CsvSource({"staging,9", "production,18"})
    void targetGroupsPerServiceProbeHealthReady(String env, int groups) {
        services(env).resourceCountIs(TARGET_GROUP, groups);
        for (ServiceSpec spec : PlatformServices.ALL) {
            int perService = env.equals("production") ? 2 : 1;
            Map<String, Object> expected = Map.of(
                    "Port", spec.port(), "Protocol", "HTTP", "TargetType", "ip",
                    "HealthCheckPath", "/health/ready", "HealthCheckIntervalSeconds", 15,
                    "HealthCheckTimeoutSeconds", 5, "HealthyThresholdCount", 2, "UnhealthyThresholdCount", 2,
                    "Matcher", Map.of("HttpCode", "200"),
                    "TargetGroupAttributes", Match.arrayWith(List.of(Map.of(
                            "Key", "deregistration_delay.timeout_seconds", "Value", "30"))));
            assertThat(services(env).findResources(TARGET_GROUP, Map.of("Properties", Match.objectLike(expected))))
                    .as(spec.name()).hasSize(perService);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void theClosedListenerAnswers404OnAPortTheAlbSecurityGroupNeverOpens(String env) {
        edge(env).hasResourceProperties(LISTENER, Map.of(
                "Port", LoadBalancerConstruct.CLOSED_LISTENER_PORT, "Protocol", "HTTP",
                "DefaultActions", List.of(Match.objectLike(Map.of("Type", "fixed-response",
                        "FixedResponseConfig", Match.objectLike(Map.of("StatusCode", "404")))))));
        Map<String, Object> albGroup = Templates.only(Templates.network(env), "AWS::EC2::SecurityGroup",
                Map.of("GroupName", Templates.config(env).physicalName("alb")));
        List<Object> openPorts = Templates.list(albGroup.get("SecurityGroupIngress")).stream()
                .map(r -> Templates.map(r).get("FromPort")).toList();
        assertThat(openPorts).containsExactlyInAnyOrder(80, 443)
                .doesNotContain(LoadBalancerConstruct.CLOSED_LISTENER_PORT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void oneListenerRulePerServiceAndOnlyTheGatewaysOnTheHttpsListener(String env) {
        services(env).resourceCountIs(RULE, 9);
        List<Object> priorities = properties(services(env), RULE).stream().map(p -> p.get("Priority")).distinct().toList();
        assertThat(priorities).hasSize(9);
        assertThat(rulesOn(env, "LoadBalancerAlbHttps")).hasSize(1);
        assertThat(rulesOn(env, "LoadBalancerAlbClosed")).hasSize(8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noPublicRuleRoutesToANonGatewayService(String env) {
        Map<String, Object> publicRule = rulesOn(env, "LoadBalancerAlbHttps").get(0);
        assertThat(publicRule.get("Conditions")).isEqualTo(List.of(Map.of(
                "Field", "host-header", "HostHeaderConfig", Map.of("Values", List.of(Templates.config(env).apiHostName())))));
        assertThat(publicRule.get("Actions").toString()).contains("ApiGatewayTargets");
        for (ServiceSpec spec : PlatformServices.ALL) {
            if (spec.isGateway()) {
                continue;
            }
            assertThat(publicRule.get("Actions").toString()).doesNotContain(spec.constructId());
            // Its rule is on the closed listener and forwards to its own (blue) target group.
            assertThat(rulesOn(env, "LoadBalancerAlbClosed")).filteredOn(r -> r.get("Actions").toString()
                    .contains(spec.constructId() + "Targets")).singleElement()
                    .satisfies(r -> assertThat(r.get("Conditions")).isEqualTo(List.of(Map.of(
                            "Field", "host-header", "HostHeaderConfig", Map.of("Values",
                                    List.of(spec.name() + "." + Templates.config(env).serviceNamespace()))))));
        }
        // No rule relies on source addresses (the NAT addresses no longer play any part).
        assertThat(properties(services(env), RULE).toString()).doesNotContain("source-ip");
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void noPrivateZonePointsAtTheAlb(String env) {
        edge(env).resourceCountIs("AWS::Route53::HostedZone", 0);
        edge(env).resourceCountIs("AWS::Route53::RecordSet", 0);
    }

    private static List<Map<String, Object>> rulesOn(String env, String listener) {
        return properties(services(env), RULE).stream()
                .filter(r -> r.get("ListenerArn").toString().contains(listener)).toList();
    }
}
