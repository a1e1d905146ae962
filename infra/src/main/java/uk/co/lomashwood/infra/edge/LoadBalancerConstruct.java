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
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;

/**
 * The seed's ALB: internet-facing in the public subnets, HTTPS on 443 with an ACM certificate and HTTP on
 * 80 answering 301 to HTTPS. Only the gateway is attached to the public HTTPS listener (spec 00 §0.1);
 * requests that match no rule get 404.
 *
 * <p>The other services keep their target groups (the seed's "one per microservice"): ECS registers their
 * tasks there, the ALB health-checks them and CodeDeploy swaps blue and green. Those groups hang off the
 * <em>closed listener</em>, an HTTP listener on {@link #CLOSED_LISTENER_PORT}, a port the ALB security group
 * never opens, so nothing inside or outside the VPC can send a request through it. Services call each other
 * through Cloud Map, inside the VPC, never through the ALB.
 */
public final class LoadBalancerConstruct extends Construct {

    /** Port of the closed listener; the ALB security group admits only 80 and 443. */
    public static final int CLOSED_LISTENER_PORT = 8080;

    private final ApplicationLoadBalancer alb;
    private final ApplicationListener https;
    private final ApplicationListener http;
    private final ApplicationListener closed;

    public LoadBalancerConstruct(Construct scope, String id, EnvironmentConfig config, IVpc vpc,
                                 SubnetSelection publicSubnets, ISecurityGroup securityGroup, IBucket accessLogs) {
        super(scope, id);
        Certificate certificate = Certificate.Builder.create(this, "Certificate")
                .domainName(config.apiHostName())
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
                .defaultAction(notFound())
                .build());
        closed = alb.addListener("Closed", BaseApplicationListenerProps.builder()
                .port(CLOSED_LISTENER_PORT)
                .protocol(ApplicationProtocol.HTTP)
                .open(false)
                .defaultAction(notFound())
                .build());
    }

    private static ListenerAction notFound() {
        return ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                .contentType("application/json")
                .messageBody("{\"title\":\"Not Found\",\"status\":404}")
                .build());
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

    /** Holds the non-gateway target groups; unreachable by design (see the class comment). */
    public ApplicationListener closed() {
        return closed;
    }
}
