package uk.co.lomashwood.appointment.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/** {@code lomash.appointment.*}: see appointment-service.yml. */
@ConfigurationProperties("lomash.appointment")
public record AppointmentProperties(String siteBaseUrl, String manageTokenSecret, boolean jobsEnabled,
                                    Duration reminderInterval, String slotGenerationCron) {
}
