package uk.co.lomashwood.infra.config;

/** How new task definitions reach an environment (seed "CI/CD Pipeline"). */
public enum DeploymentStyle {
    /** Staging: ECS rolling update, one task at a time. */
    ROLLING,
    /** Production: CodeDeploy blue/green, 10% canary held 10 minutes, rollback on alarm. */
    BLUE_GREEN
}
