package uk.co.lomashwood.notification.dispatch;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import uk.co.lomashwood.notification.gate.Addresses;
import uk.co.lomashwood.notification.gate.Suppressions;
import uk.co.lomashwood.notification.message.Channel;
import uk.co.lomashwood.notification.message.ChannelSender;
import uk.co.lomashwood.notification.message.NotificationStatus;
import uk.co.lomashwood.notification.message.OutboundMessage;
import uk.co.lomashwood.notification.message.ProviderException;
import uk.co.lomashwood.notification.message.StatusReason;
import uk.co.lomashwood.notification.support.NotificationProperties;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;

/**
 * Spec 40 §1.4.4 steps 5–8: claims a queued notification, hands it to the channel's provider outside any
 * transaction, records the attempt and then SENT, a scheduled retry (FAILED + {@code next_retry_at}),
 * DEAD_LETTERED after the policy's last attempt, or FAILED for a permanent refusal.
 */
@Component
public class Dispatcher {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
    // their bodies carry a live link or code: kept only until delivered
    private static final java.util.Set<String> SECRET_CATEGORIES = java.util.Set.of("ACCOUNT_EMAIL_VERIFICATION",
            "ACCOUNT_PASSWORD_RESET", "STAFF_INVITE", "DATA_REQUEST_UPDATE", "NEWSLETTER_CONFIRMATION");

    // goes to a person whose account is already erased: their address is not kept once it has gone out
    private static final String ERASURE_CONFIRMATION = "gdpr-erasure-confirmation-email";

    private final NotificationStore store;
    private final Map<Channel, List<ChannelSender>> senders = new EnumMap<>(Channel.class);
    private final ProviderCircuits circuits;
    private final Map<Channel, Semaphore> slots = new EnumMap<>(Channel.class);
    private final OutboundMessages messages;
    private final NotificationEvents events;
    private final Suppressions suppressions;
    private final TransactionTemplate transactions;
    private final NotificationProperties properties;
    private final org.springframework.context.ApplicationEventPublisher publisher;
    private final Clock clock;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public Dispatcher(NotificationStore store, List<ChannelSender> senders, OutboundMessages messages,
                      NotificationEvents events, Suppressions suppressions, ProviderCircuits circuits,
                      TransactionTemplate transactions, NotificationProperties properties,
                      org.springframework.context.ApplicationEventPublisher publisher, Clock clock) {
        this.store = store;
        this.circuits = circuits;
        senders.stream().sorted(java.util.Comparator.comparingInt(ChannelSender::priority))
                .forEach(sender -> this.senders.computeIfAbsent(sender.channel(), c -> new java.util.ArrayList<>()).add(sender));
        for (Channel channel : Channel.values()) {
            slots.put(channel, new Semaphore(channel == Channel.PUSH ? properties.concurrency() * 2 : properties.concurrency()));
        }
        this.messages = messages;
        this.events = events;
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.properties = properties;
        this.publisher = publisher;
        this.clock = clock;
    }

    public void submitAfterCommit(UUID id) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    submit(id);
                }
            });
        } else {
            submit(id);
        }
    }

    public void submit(UUID id) {
        if (!executor.isShutdown()) {
            executor.execute(() -> attempt(id));
        }
    }

    /** One provider call for the notification if it is due and nobody else holds it. */
    public void attempt(UUID id) {
        var claimed = transactions.execute(status -> store.claim(id));
        if (claimed == null || claimed.isEmpty()) {
            return;
        }
        NotificationRow row = claimed.get();
        Semaphore slot = slots.get(row.channel());
        slot.acquireUninterruptibly();
        try {
            attempt(row);
        } finally {
            slot.release();
        }
    }

    /**
     * Spec 40 §1.4.4 step 5: the providers of the channel in priority order, skipping a DEGRADED one; a retryable
     * error fails over to the next provider within the same attempt (recorded with {@code failover = true}).
     */
    private void attempt(NotificationRow row) {
        List<ChannelSender> chain = senders.getOrDefault(row.channel(), List.of()).stream()
                .filter(sender -> circuits.allows(sender.provider())).toList();
        if (chain.isEmpty()) {
            transactions.executeWithoutResult(status -> failed(row, "none", clock.instant(), ProviderException.retryable(
                    "PROVIDERS_DEGRADED", "Every " + row.channel() + " provider is degraded", null), false));
            return;
        }
        OutboundMessage message;
        try {
            message = messages.build(row);
        } catch (RuntimeException thrown) {
            ProviderException e = thrown instanceof ProviderException p ? p : unexpected(row, thrown);
            transactions.executeWithoutResult(status -> failed(row, chain.getFirst().provider(), clock.instant(), e, false));
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            ChannelSender sender = chain.get(i);
            boolean failover = i > 0;
            Instant started = clock.instant();
            try {
                String providerMessageId = sender.send(message);
                circuits.succeeded(sender.provider());
                transactions.executeWithoutResult(status -> succeeded(row, sender.provider(), started, providerMessageId,
                        failover));
                return;
            } catch (RuntimeException thrown) {
                ProviderException e = thrown instanceof ProviderException p ? p : unexpected(row, thrown);
                if (e.retryable()) {
                    circuits.failed(sender.provider());
                }
                if (!e.retryable() || i == chain.size() - 1) {
                    transactions.executeWithoutResult(status -> failed(row, sender.provider(), started, e, failover));
                    return;
                }
                store.attempt(row.id(), row.retryCount() + 1, sender.provider(), started, "RETRYABLE_ERROR", e.code(),
                        e.getMessage(), null, failover);
                log.info("Notification {} fails over from {} ({})", row.id(), sender.provider(), e.code());
            }
        }
    }

    private static ProviderException unexpected(NotificationRow row, RuntimeException e) {
        log.warn("Unexpected failure sending notification {}", row.id(), e);
        return ProviderException.retryable("INTERNAL", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }

    private void succeeded(NotificationRow row, String provider, Instant started, String providerMessageId,
                           boolean failover) {
        store.attempt(row.id(), row.retryCount() + 1, provider, started, "SUCCESS", null, null, providerMessageId,
                failover);
        store.sent(row.id(), provider, providerMessageId);
        if (SECRET_CATEGORIES.contains(row.category())) {
            store.forgetBody(row.id());
        }
        if (ERASURE_CONFIRMATION.equals(row.templateSlug())) {
            store.forgetRecipient(row.id());
        }
        events.sent(row, provider, providerMessageId, clock.instant());
    }

    private void failed(NotificationRow row, String provider, Instant started, ProviderException e, boolean failover) {
        int attemptNo = row.retryCount() + 1;
        String error = e.code() + ": " + e.getMessage();
        store.attempt(row.id(), attemptNo, provider, started, e.retryable() ? "RETRYABLE_ERROR" : "PERMANENT_ERROR",
                e.code(), e.getMessage(), null, failover);
        log.info("Notification {} attempt {} via {} failed ({}, {}); recipient {}", row.id(), attemptNo, provider,
                e.retryable() ? "retryable" : "permanent", e.code(), Addresses.mask(row.address()));
        if (!e.retryable()) {
            store.failed(row.id(), NotificationStatus.FAILED, StatusReason.PERMANENT_PROVIDER_ERROR.name(), attemptNo,
                    null, error);
            if (InvalidRecipients.matches(row.channel(), e.code()) && row.channel() != Channel.PUSH) {
                suppressions.add(row.channel(), row.address(), row.recipientId(), null, "INVALID_RECIPIENT",
                        "PROVIDER_ERROR");
            }
            events.failed(row, error, attemptNo, clock.instant());
            return;
        }
        if (row.status() == NotificationStatus.DEAD_LETTERED || attemptNo >= row.maxRetries()) {
            deadLetter(row, attemptNo, error);
            return;
        }
        RetryPolicy policy = RetryPolicy.of(row.channel(), row.priority());
        Instant next = clock.instant().plus(policy.jitteredDelay(attemptNo, properties.retryTimeScale()));
        store.failed(row.id(), NotificationStatus.FAILED, null, attemptNo, next, error);
    }

    private void deadLetter(NotificationRow row, int attemptNo, String error) {
        Instant firstFailure = row.failedAt() == null ? clock.instant() : row.failedAt();
        // the claimed row reads PROCESSING, so a redrive is recognised by its attempt number, not its old status
        boolean redrive = attemptNo > row.maxRetries();
        boolean exhausted = redrive && firstFailure.plus(properties.redriveWindow()).isBefore(clock.instant());
        if (exhausted) {
            store.failed(row.id(), NotificationStatus.FAILED, StatusReason.RETRIES_EXHAUSTED.name(), attemptNo, null, error);
            log.error("Notification {} gave up after {} attempts: {}", row.id(), attemptNo, error);
            publisher.publishEvent(new OpsAlerts.Exhausted(row, attemptNo, error, firstFailure));
            return;
        }
        store.failed(row.id(), NotificationStatus.DEAD_LETTERED, null, attemptNo,
                clock.instant().plus(properties.redriveInterval()), error);
        if (!redrive) {
            events.failed(row, error, attemptNo, clock.instant());
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdown();
    }
}
