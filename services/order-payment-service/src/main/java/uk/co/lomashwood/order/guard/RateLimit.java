package uk.co.lomashwood.order.guard;

import java.time.Duration;

/** The service-level limits of spec 20 §2.7, per user and fixed window, all inside the gateway's budgets. */
public enum RateLimit {
    CREATE_ORDER("create-order", 10, Duration.ofHours(1)),
    CANCEL_ORDER("cancel-order", 5, Duration.ofHours(1)),
    CREATE_INTENT("create-intent", 10, Duration.ofMinutes(1)),
    CONFIRM_PAYMENT("confirm", 10, Duration.ofMinutes(1)),
    CREATE_REFUND("refund-create", 5, Duration.ofMinutes(1)),
    SEND_INVOICE("invoice-send", 10, Duration.ofMinutes(1));

    final String action;
    final int allowed;
    final Duration window;

    RateLimit(String action, int allowed, Duration window) {
        this.action = action;
        this.allowed = allowed;
        this.window = window;
    }
}
