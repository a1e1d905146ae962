package uk.co.lomashwood.infra.compute;

import java.util.List;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.cloudwatch.IAlarm;
import software.amazon.awscdk.services.codedeploy.AutoRollbackConfig;
import software.amazon.awscdk.services.codedeploy.EcsBlueGreenDeploymentConfig;
import software.amazon.awscdk.services.codedeploy.EcsDeploymentGroup;
import software.amazon.awscdk.services.codedeploy.IEcsApplication;
import software.amazon.awscdk.services.codedeploy.IEcsDeploymentConfig;
import software.amazon.awscdk.services.elasticloadbalancingv2.IApplicationListener;
import software.amazon.awscdk.services.iam.IRole;
import software.constructs.Construct;

/** CodeDeploy blue/green for one production service: canary traffic shift, automatic rollback on alarm. */
public final class BlueGreenDeployment extends Construct {

    /** How long the replaced (blue) tasks stay up after cut-over, for an instant manual rollback. */
    public static final Duration BLUE_TERMINATION_WAIT = Duration.minutes(10);

    private final EcsDeploymentGroup group;

    public BlueGreenDeployment(Construct scope, String id, MicroserviceConstruct microservice,
                               IEcsApplication application, IEcsDeploymentConfig deploymentConfig,
                               IApplicationListener listener, List<? extends IAlarm> rollbackAlarms, IRole role) {
        super(scope, id);
        group = EcsDeploymentGroup.Builder.create(this, "Group")
                .application(application)
                .deploymentGroupName(microservice.spec().name())
                .service(microservice.service())
                .deploymentConfig(deploymentConfig)
                .blueGreenDeploymentConfig(EcsBlueGreenDeploymentConfig.builder()
                        .blueTargetGroup(microservice.blueTargetGroup())
                        .greenTargetGroup(microservice.greenTargetGroup().orElseThrow())
                        .listener(listener)
                        .terminationWaitTime(BLUE_TERMINATION_WAIT)
                        .build())
                .alarms(List.copyOf(rollbackAlarms))
                .autoRollback(AutoRollbackConfig.builder()
                        .failedDeployment(true)
                        .stoppedDeployment(true)
                        .deploymentInAlarm(true)
                        .build())
                .role(role)
                .build();
    }

    public EcsDeploymentGroup group() {
        return group;
    }
}
