package uk.co.lomashwood.infra.nag;

import io.github.cdklabs.cdknag.NagPackSuppression;
import io.github.cdklabs.cdknag.NagSuppressions;
import io.github.cdklabs.cdknag.RegexAppliesTo;
import java.util.ArrayList;
import java.util.List;
import software.constructs.IConstruct;
import uk.co.lomashwood.infra.LomashWoodStage;
import uk.co.lomashwood.infra.compute.MicroserviceConstruct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformSecrets;
import uk.co.lomashwood.infra.config.SecretSpec;

/**
 * Every AwsSolutions finding we accept, attached to the narrowest construct, each with the reason it is
 * acceptable here. Anything not listed fails the build (see NagComplianceTest).
 */
public final class NagSuppressionsRegistry {

    private NagSuppressionsRegistry() {
    }

    public static void apply(LomashWoodStage stage) {
        EnvironmentConfig config = stage.config();
        network(stage);
        data(stage, config);
        edge(stage);
        services(stage);
    }

    private static void network(LomashWoodStage stage) {
        suppress(stage.network().securityGroups().alb(), "AwsSolutions-EC23",
                "The seed's ALB security group takes TCP 80 (redirected to HTTPS) and 443 from 0.0.0.0/0: it is the "
                        + "public entry point. Only the gateway is attached to the HTTPS listener; the other services' "
                        + "target groups sit on a listener whose port this group never opens.");
    }

    private static void data(LomashWoodStage stage, EnvironmentConfig config) {
        for (SecretSpec spec : PlatformSecrets.ALL) {
            suppress(stage.data().secrets().secret(spec.name()), "AwsSolutions-SMG4", rotationReason(spec));
        }
        suppress(stage.data().secrets().redisAuthToken(), "AwsSolutions-SMG4",
                "ElastiCache AUTH tokens rotate through the replication group's ROTATE/SET token strategy, which no "
                        + "Secrets Manager rotation function performs; the runbook rotates it every 180 days (spec 00 §3.12).");
        suppress(stage.data().database().instance(), "AwsSolutions-RDS11",
                "The seed fixes PostgreSQL on TCP 5432 and its RDS security group admits exactly that port from the "
                        + "ECS tasks only; a non-default port adds no protection inside a private, isolated subnet.");
        if (!config.dbMultiAz()) {
            suppress(stage.data().database().instance(), "AwsSolutions-RDS3",
                    "Staging is the seed's reduced-sizing mirror: a single db.t4g.medium. Multi-AZ is a production row "
                            + "of the sizing table.");
        }
        if (config.cacheReplicas() == 0) {
            suppress(stage.data().cache().replicationGroup(), "AwsSolutions-AEC4",
                    "Staging runs one cache.t4g.medium node; the seed's primary+replica (and so Multi-AZ failover) is "
                            + "production sizing. Redis is never a system of record (spec 00 §5.4).");
        }
    }

    private static void edge(LomashWoodStage stage) {
        IConstruct distribution = stage.edge().cdn().distribution();
        suppress(distribution, "AwsSolutions-CFR1",
                "Customers and staff are UK-based but nothing requires blocking other countries; the catalogue and "
                        + "blog are public marketing content.");
        suppress(distribution, "AwsSolutions-CFR2",
                "A CloudFront web ACL must live in us-east-1 and these stacks are eu-west-2 only; rate limiting and "
                        + "request validation happen at the gateway (spec 00 §3.3). A us-east-1 WAF stack is a follow-up.");
        suppress(distribution, "AwsSolutions-CFR4",
                "Until the public CDN hostname's us-east-1 certificate is attached the distribution uses the "
                        + "*.cloudfront.net certificate, whose minimum protocol CloudFront fixes; the distribution already "
                        + "requests TLSv1.2_2021 and origins accept TLS 1.2 only.");
    }

    private static void services(LomashWoodStage stage) {
        for (MicroserviceConstruct service : stage.services().services()) {
            List<NagPackSuppression> list = new ArrayList<>();
            list.add(NagPackSuppression.builder().id("AwsSolutions-ECS2")
                    .reason("Only non-secret configuration (ports, region, queue URLs, service URLs) is passed as plain "
                            + "environment; every secret comes from Secrets Manager through the task's secrets.")
                    .build());
            list.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("ecr:GetAuthorizationToken has no resource-level permissions; AWS requires Resource '*'.")
                    .appliesTo(List.of("Resource::*"))
                    .build());
            list.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                    .reason("Publishing to the KMS-encrypted domain topic needs the GenerateDataKey family on that one key "
                            + "ARN; the wildcard covers only the GenerateDataKey variants.")
                    .appliesTo(List.of("Action::kms:GenerateDataKey*", "Action::kms:ReEncrypt*"))
                    .build());
            if (service.spec().name().equals("content-service")) {
                list.add(NagPackSuppression.builder().id("AwsSolutions-IAM5")
                        .reason("content-service owns the media and assets objects (uploads, variants, deletes); its "
                                + "object actions are limited to those two buckets.")
                        .appliesTo(List.of("Action::s3:GetObject*", "Action::s3:GetBucket*", "Action::s3:List*",
                                "Action::s3:DeleteObject*", "Action::s3:Abort*",
                                RegexAppliesTo.builder().regex("/^Resource::<StorageMedia[A-Z0-9]+\\.Arn>\\/\\*$/").build(),
                                RegexAppliesTo.builder().regex("/^Resource::<StorageAssets[A-Z0-9]+\\.Arn>\\/\\*$/").build()))
                        .build());
            }
            NagSuppressions.addResourceSuppressions(service.taskDefinition(), list, true);
        }
        if (stage.config().isProduction()) {
            NagSuppressions.addResourceSuppressionsByPath(stage.services(),
                    "/" + stage.services().getNode().getPath() + "/CodeDeployRole/Resource",
                    List.of(NagPackSuppression.builder().id("AwsSolutions-IAM4")
                            .reason("AWSCodeDeployRoleForECS is the AWS-maintained policy CodeDeploy needs to shift ECS "
                                    + "blue/green traffic; it follows new CodeDeploy features without edits here.")
                            .appliesTo(List.of("Policy::arn:<AWS::Partition>:iam::aws:policy/AWSCodeDeployRoleForECS"))
                            .build()));
        }
    }

    private static String rotationReason(SecretSpec spec) {
        return switch (spec.source()) {
            case OPERATOR -> "Issued by a third party or operator (" + spec.name() + "); it is rotated at the issuer and "
                    + "stored with put-secret-value, which Secrets Manager rotation cannot do on its own.";
            case OPERATOR_PER_SERVICE -> "Holds one URL per service with that service's own database user (spec 00 §5.1); "
                    + "the 90-day password rotation runbook updates user and secret together.";
            case GENERATED -> "Shared by running services that must accept old and new values during an overlap; the "
                    + "runbook rotates it (90 days for internal tokens, spec 00 §3.12) with a staged redeploy.";
            case DERIVED -> "Assembled by CloudFormation from the cache endpoint and the AUTH token secret; it changes "
                    + "whenever the token is rotated.";
        };
    }

    private static void suppress(IConstruct construct, String id, String reason) {
        NagSuppressions.addResourceSuppressions(construct,
                List.of(NagPackSuppression.builder().id(id).reason(reason).build()), true);
    }
}
