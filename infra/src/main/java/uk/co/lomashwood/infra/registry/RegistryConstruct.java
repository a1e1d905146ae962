package uk.co.lomashwood.infra.registry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.ecr.LifecycleRule;
import software.amazon.awscdk.services.ecr.Repository;
import software.amazon.awscdk.services.ecr.TagMutability;
import software.amazon.awscdk.services.ecr.TagStatus;
import software.constructs.Construct;
import uk.co.lomashwood.infra.config.EnvironmentConfig;
import uk.co.lomashwood.infra.config.PlatformServices;
import uk.co.lomashwood.infra.config.ServiceSpec;

/** One ECR repository per service with scan on push; images are tagged with the git SHA and never re-tagged. */
public final class RegistryConstruct extends Construct {

    private final Map<String, Repository> repositories = new LinkedHashMap<>();

    public RegistryConstruct(Construct scope, String id, EnvironmentConfig config) {
        super(scope, id);
        for (ServiceSpec service : PlatformServices.ALL) {
            repositories.put(service.name(), Repository.Builder.create(this, service.constructId())
                    .repositoryName(config.resourcePrefix() + "/" + service.name())
                    .imageScanOnPush(true)
                    .imageTagMutability(TagMutability.IMMUTABLE)
                    .lifecycleRules(List.of(
                            LifecycleRule.builder().rulePriority(1).description("Drop untagged layers after 14 days")
                                    .tagStatus(TagStatus.UNTAGGED).maxImageAge(Duration.days(14)).build(),
                            LifecycleRule.builder().rulePriority(2).description("Keep the last 100 images")
                                    .tagStatus(TagStatus.ANY).maxImageCount(100).build()))
                    .removalPolicy(RemovalPolicy.RETAIN)
                    .build());
        }
    }

    public Repository repository(String service) {
        return repositories.get(service);
    }
}
