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

/** Seed: one multi-AZ ALB, HTTPS :443 with ACM, HTTP :80 → 301 HTTPS, one target group per service. */
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
        edge(env).resourceCountIs(LISTENER, 2);
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
                "SubjectAlternativeNames", List.of("*." + Templates.config(env).internalZoneName()),
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
    void oneListenerRulePerServiceOnTheHttpsListener(String env) {
        services(env).resourceCountIs(RULE, 9);
        List<Object> priorities = properties(services(env), RULE).stream().map(p -> p.get("Priority")).distinct().toList();
        assertThat(priorities).hasSize(9);
        services(env).allResourcesProperties(RULE, Map.of("ListenerArn",
                Map.of("Fn::ImportValue", Match.stringLikeRegexp(".*LoadBalancerAlbHttps.*"))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void onlyTheGatewayAnswersThePublicHost(String env) {
        services(env).hasResourceProperties(RULE, Map.of("Conditions", List.of(Map.of(
                "Field", "host-header", "HostHeaderConfig", Map.of("Values", List.of(Templates.config(env).apiHostName()))))));
        for (ServiceSpec spec : PlatformServices.ALL) {
            if (spec.isGateway()) {
                continue;
            }
            services(env).hasResourceProperties(RULE, Map.of("Conditions", List.of(
                    Map.of("Field", "host-header", "HostHeaderConfig", Map.of("Values",
                            List.of(spec.name() + "." + Templates.config(env).internalZoneName()))),
                    Map.of("Field", "source-ip", "SourceIpConfig", Map.of("Values",
                            Match.arrayWith(List.of("10.0.0.0/16")))))));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"staging", "production"})
    void internalNamesResolveToTheAlbInsideTheVpc(String env) {
        edge(env).hasResourceProperties("AWS::Route53::HostedZone", Map.of(
                "Name", Templates.config(env).internalZoneName() + ".",
                "VPCs", List.of(Match.objectLike(Map.of("VPCRegion", "eu-west-2")))));
        edge(env).hasResourceProperties("AWS::Route53::RecordSet", Map.of(
                "Name", "*." + Templates.config(env).internalZoneName() + ".", "Type", "A"));
    }
}
