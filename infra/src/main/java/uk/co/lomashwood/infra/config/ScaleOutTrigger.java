package uk.co.lomashwood.infra.config;

/** What makes a production service add tasks (seed "Auto Scaling (production)" table, last column). */
public sealed interface ScaleOutTrigger {

    /** Average CPU above {@code percent} for {@code minutes} consecutive one-minute periods. */
    record Cpu(int percent, int minutes) implements ScaleOutTrigger { }

    /** CPU as above, or the target group's p95 response time above {@code p95Seconds}. */
    record CpuOrP95Latency(Cpu cpu, double p95Seconds) implements ScaleOutTrigger { }

    /** Visible messages in the service's event queues above {@code messages}. */
    record QueueDepth(int messages) implements ScaleOutTrigger { }

    static Cpu cpu(int percent, int minutes) {
        return new Cpu(percent, minutes);
    }
}
