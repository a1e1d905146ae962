package uk.co.lomashwood.platform.events.outbox;

import java.util.UUID;

/** An unpublished outbox row, locked by the relay. */
record OutboxRow(UUID id, String topic, String payload, int attempts) {
}
