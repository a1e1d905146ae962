package uk.co.lomashwood.platform.events.config;

import org.springframework.transaction.support.TransactionTemplate;

/** The service's transaction manager as used by the relay, the inbox and the re-drive (a holder, not a bean clash). */
public record EventsTransactions(TransactionTemplate template) {
}
