-- spec 40 §1.2: raw provider callbacks (replay-protected) and the normalised delivery reports (§1.4.9)
CREATE TABLE provider_webhook_events (
    id                uuid PRIMARY KEY,
    notification_id   uuid REFERENCES notifications (id) ON DELETE SET NULL,
    provider          varchar(30)  NOT NULL,
    provider_event_id varchar(255) NOT NULL,
    event_type        varchar(20),
    payload           jsonb        NOT NULL,
    signature_valid   boolean      NOT NULL DEFAULT true,
    processed         boolean      NOT NULL DEFAULT false,
    processed_at      timestamptz,
    error             text,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (provider, provider_event_id)
);
CREATE INDEX provider_webhook_events_notification_idx ON provider_webhook_events (notification_id);
CREATE INDEX provider_webhook_events_unprocessed_idx ON provider_webhook_events (processed, created_at) WHERE processed = false;

CREATE TABLE delivery_reports (
    id                  uuid PRIMARY KEY,
    notification_id     uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    provider            varchar(50),
    status              varchar(20) NOT NULL,
    provider_message_id varchar(255),
    provider_timestamp  timestamptz,
    provider_raw        jsonb,
    opened_at           timestamptz,
    clicked_at          timestamptz,
    bounced_at          timestamptz,
    complained_at       timestamptz,
    unsubscribed_at     timestamptz,
    bounce_type         varchar(20),
    bounce_reason       text,
    segments            int,
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX delivery_reports_notification_idx ON delivery_reports (notification_id, status);
CREATE INDEX delivery_reports_provider_message_idx ON delivery_reports (provider_message_id);
CREATE INDEX notifications_provider_message_idx ON notifications (provider_message_id);
