package uk.co.lomashwood.order.webhook;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Schedules retry-failed-webhooks every 5 minutes; {@code lomash.order.jobs-enabled=false} turns it off. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "lomash.order.jobs-enabled", havingValue = "true", matchIfMissing = true)
public class WebhookJobs {

    private final WebhookRetries retries;

    public WebhookJobs(WebhookRetries retries) {
        this.retries = retries;
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT1M")
    public void retryFailedWebhooks() {
        retries.runExclusively();
    }
}
