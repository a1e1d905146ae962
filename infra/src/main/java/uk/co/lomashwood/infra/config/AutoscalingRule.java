package uk.co.lomashwood.infra.config;

/**
 * One row of the seed's production autoscaling table.
 *
 * @param seedMinimum the "Min" column as the seed writes it; the deployed floor is
 *                    {@link EnvironmentConfig#minimumTasks(AutoscalingRule)} (one task per AZ)
 */
public record AutoscalingRule(int seedMinimum, int maximum, ScaleOutTrigger trigger) {

    public AutoscalingRule {
        if (seedMinimum < 1 || maximum < seedMinimum) {
            throw new IllegalArgumentException("invalid autoscaling bounds " + seedMinimum + ".." + maximum);
        }
    }
}
