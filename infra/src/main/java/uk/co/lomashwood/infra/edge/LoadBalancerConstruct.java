package uk.co.lomashwood.infra.edge;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.certificatemanager.Certificate;
import software.amazon.awscdk.services.certificatemanager.CertificateValidation;
import software.amazon.awscdk.services.ec2.ISecurityGroup;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.route53.ARecord;
import software.amazon.awscdk.services.route53.PrivateHostedZone;
import software.amazon.awscdk.services.route53.RecordTarget;
import software.amazon.awscdk.services.route53.targets.LoadBalancerTarget;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * The seed's ALB: internet-facing in the public subnets, HTTPS on 443 with an ACM certificate and HTTP on
 * 80 answering 301 to HTTPS. Requests that match no service rule get 404. Services other than the gateway
 * are addressed as {@code <service>.internal.<domain>}, a private zone that resolves to this ALB.
 */
public final class LoadBalancerConstruct extends Construct {

    private final ApplicationLoadBalancer alb;
    private final ApplicationListener https;
    private final ApplicationListener http;

    public LoadBalancerConstruct(Construct scope, String id, EnvironmentConfig config, IVpc vpc,
                                 SubnetSelection publicSubnets, ISecurityGroup securityGroup, IBucket accessLogs) {
        super(scope, id);
        Certificate certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(config.apiHostName())
                .subjectAlternativeNames(List.of("*." + config.internalZoneName()))
                .validation(CertificateValidation.fromDns())
                .build();

        alb = ApplicationLoadBalancer.Builder.create(this, "Alb")
                .loadBalancerName(config.physicalName("alb"))
                .vpc(vpc)
                .vpcSubnets(publicSubnets)
                .internetFacing(true)
                .securityGroup(securityGroup)
                // Uploads and exports may run 120-180 s (spec 00 §6.1).
                .idleTimeout(Duration.seconds(180))
                .dropInvalidHeaderFields(true)
                .deletionProtection(config.isProduction())
                .build();
        alb.logAccessLogs(accessLogs, "alb");

        http = alb.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        https = alb.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443)
                .protocol(ApplicationProtocol.HTTPS)
                .certificates(List.of(ListenerCertificate.fromCertificateManager(certificate)))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .open(false)
                .defaultAction(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("application/json")
                        .messageBody("{\"title\":\"Not Found\",\"status\":404}")
                        .build()))
                .build());

        PrivateHostedZone internalZone = PrivateHostedZone.Builder.create(this, "InternalZone")
                .zoneName(config.internalZoneName())
                .vpc(vpc)
                .comment("Per-service names routed through the ALB")
                .build();
        ARecord.Builder.create(this, "InternalWildcard")
                .zone(internalZone)
                .recordName("*")
                .target(RecordTarget.fromAlias(new LoadBalancerTarget(alb)))
                .build();
    }

    public ApplicationLoadBalancer alb() {
        return alb;
    }

    public ApplicationListener https() {
        return https;
    }

    public ApplicationListener http() {
        return http;
    }
}
