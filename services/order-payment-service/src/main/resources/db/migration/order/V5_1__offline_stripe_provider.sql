-- The offline payment provider (no STRIPE_SECRET_KEY): what Stripe would hold for us — payment intents with their
-- latest charge, refunds, and the signed webhook events still to be delivered — so a restart keeps them.
-- Never written when Stripe itself is configured. Amounts in pence; ids shaped like Stripe's (pi_, ch_, re_, evt_).

CREATE TABLE offline_payment_intents (
    id                      varchar(64)  PRIMARY KEY,
    client_secret           varchar(128) NOT NULL,
    idempotency_key         varchar(255) NOT NULL UNIQUE,
    status                  varchar(32)  NOT NULL,
    amount                  bigint       NOT NULL CHECK (amount > 0),
    currency                varchar(3)   NOT NULL,
    description             text,
    receipt_email           varchar(320),
    customer_id             varchar(255),
    setup_future_usage      varchar(16),
    metadata                jsonb        NOT NULL DEFAULT '{}',
    payment_method          varchar(64),
    charge_id               varchar(64),
    charge_status           varchar(16),
    card_brand              varchar(16),
    card_last4              varchar(4),
    card_exp_month          int,
    card_exp_year           int,
    amount_refunded         bigint       NOT NULL DEFAULT 0,
    last_error_code         varchar(64),
    last_error_decline_code varchar(64),
    last_error_message      text,
    cancellation_reason     varchar(32),
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now()
);

CREATE TABLE offline_refunds (
    id                varchar(64)  PRIMARY KEY,
    payment_intent_id varchar(64)  NOT NULL REFERENCES offline_payment_intents (id),
    charge_id         varchar(64)  NOT NULL,
    idempotency_key   varchar(255) NOT NULL UNIQUE,
    amount            bigint       NOT NULL CHECK (amount > 0),
    currency          varchar(3)   NOT NULL,
    status            varchar(16)  NOT NULL,
    reason            varchar(32),
    failure_reason    varchar(64),
    metadata          jsonb        NOT NULL DEFAULT '{}',
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX offline_refunds_intent ON offline_refunds (payment_intent_id, created_at);
CREATE INDEX offline_refunds_pending ON offline_refunds (created_at) WHERE status = 'pending';

CREATE TABLE offline_webhook_deliveries (
    event_id        varchar(64)  PRIMARY KEY,
    event_type      varchar(100) NOT NULL,
    payload         text         NOT NULL,
    attempts        int          NOT NULL DEFAULT 0,
    next_attempt_at timestamptz  NOT NULL,
    last_status     int,
    delivered_at    timestamptz,
    created_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX offline_webhook_deliveries_due ON offline_webhook_deliveries (next_attempt_at) WHERE delivered_at IS NULL;
