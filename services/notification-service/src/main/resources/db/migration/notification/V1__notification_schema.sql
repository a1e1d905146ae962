-- notification-service schema (spec 40 §1.2). Enumerations are varchar + CHECK so that adding a value is additive.

CREATE TABLE notification_templates (
    id             uuid PRIMARY KEY,
    name           varchar(150) NOT NULL UNIQUE,
    slug           varchar(100) NOT NULL UNIQUE,
    description    text,
    category       varchar(50)  NOT NULL,
    channel        varchar(10)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    status         varchar(10)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    subject        varchar(255),
    html_body      text,
    text_body      text,
    variables      jsonb        NOT NULL DEFAULT '[]',
    engine         varchar(20)  NOT NULL DEFAULT 'thymeleaf',
    version        int          NOT NULL DEFAULT 1,
    content_hash   char(64)     NOT NULL,
    is_system      boolean      NOT NULL DEFAULT false,
    published_at   timestamptz,
    archived_at    timestamptz,
    deleted_at     timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX notification_templates_category_idx ON notification_templates (category);
CREATE INDEX notification_templates_channel_idx ON notification_templates (channel);

CREATE TABLE notification_template_versions (
    id          uuid PRIMARY KEY,
    template_id uuid        NOT NULL REFERENCES notification_templates (id) ON DELETE CASCADE,
    version     int         NOT NULL,
    subject     varchar(255),
    html_body   text,
    text_body   text,
    variables   jsonb       NOT NULL DEFAULT '[]',
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (template_id, version)
);

CREATE TABLE notifications (
    id                  uuid PRIMARY KEY,
    channel             varchar(10)  NOT NULL,
    status              varchar(20)  NOT NULL DEFAULT 'PENDING',
    status_reason       varchar(40),
    priority            varchar(10)  NOT NULL DEFAULT 'NORMAL',
    category            varchar(50)  NOT NULL,
    recipient_id        uuid,
    recipient_type      varchar(10)  NOT NULL DEFAULT 'CUSTOMER',
    recipient_email     varchar(320),
    recipient_phone     varchar(20),
    recipient_device    uuid,
    template_id         uuid REFERENCES notification_templates (id) ON DELETE SET NULL,
    template_slug       varchar(100) NOT NULL,
    template_version    int,
    subject             varchar(255),
    body                text,
    html_body           text,
    metadata            jsonb,
    provider            varchar(50),
    provider_message_id varchar(255),
    scheduled_at        timestamptz,
    processed_at        timestamptz,
    sent_at             timestamptz,
    delivered_at        timestamptz,
    failed_at           timestamptz,
    retry_count         int          NOT NULL DEFAULT 0,
    max_retries         int          NOT NULL DEFAULT 3,
    next_retry_at       timestamptz,
    last_error_at       timestamptz,
    last_error          text,
    source_event_id     varchar(64),
    source_topic        varchar(100),
    source_entity_type  varchar(40),
    source_entity_id    varchar(64),
    correlation_id      varchar(64),
    idempotency_key     varchar(255) UNIQUE,
    deleted_at          timestamptz,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX notifications_status_idx ON notifications (status);
CREATE INDEX notifications_recipient_id_idx ON notifications (recipient_id, created_at DESC);
CREATE INDEX notifications_recipient_email_idx ON notifications (recipient_email);
CREATE INDEX notifications_recipient_phone_idx ON notifications (recipient_phone);
CREATE INDEX notifications_template_slug_idx ON notifications (template_slug);
CREATE INDEX notifications_created_at_idx ON notifications (created_at DESC);
CREATE INDEX notifications_retry_due_idx ON notifications (next_retry_at) WHERE status IN ('FAILED', 'DEAD_LETTERED');
CREATE INDEX notifications_schedule_due_idx ON notifications (scheduled_at) WHERE status IN ('PENDING', 'SCHEDULED');

CREATE TABLE notification_attempts (
    id                  uuid PRIMARY KEY,
    notification_id     uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    attempt_no          int         NOT NULL,
    provider            varchar(50) NOT NULL,
    started_at          timestamptz NOT NULL,
    finished_at         timestamptz NOT NULL,
    latency_ms          int         NOT NULL,
    outcome             varchar(20) NOT NULL CHECK (outcome IN ('SUCCESS', 'RETRYABLE_ERROR', 'PERMANENT_ERROR')),
    error_code          varchar(100),
    error_message       text,
    provider_message_id varchar(255),
    failover            boolean     NOT NULL DEFAULT false,
    created_at          timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_attempts_notification_idx ON notification_attempts (notification_id, attempt_no);

CREATE TABLE notification_logs (
    id              uuid PRIMARY KEY,
    notification_id uuid        NOT NULL REFERENCES notifications (id) ON DELETE CASCADE,
    event           varchar(50) NOT NULL,
    status          varchar(30) NOT NULL,
    message         text,
    occurred_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notification_logs_notification_idx ON notification_logs (notification_id, occurred_at);

CREATE TABLE notification_subscriptions (
    id              uuid PRIMARY KEY,
    user_id         uuid         NOT NULL,
    channel         varchar(10)  NOT NULL,
    address         varchar(320) NOT NULL,
    first_name      varchar(100),
    status          varchar(20)  NOT NULL DEFAULT 'SUBSCRIBED',
    is_primary      boolean      NOT NULL DEFAULT true,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (user_id, channel, address)
);
CREATE INDEX notification_subscriptions_user_idx ON notification_subscriptions (user_id, channel, status);

CREATE TABLE push_device_tokens (
    id             uuid PRIMARY KEY,
    user_id        uuid         NOT NULL,
    token          varchar(4096) NOT NULL UNIQUE,
    provider       varchar(10)  NOT NULL,
    platform       varchar(10)  NOT NULL,
    device_id      varchar(128),
    app_version    varchar(30),
    is_active      boolean      NOT NULL DEFAULT true,
    last_seen_at   timestamptz  NOT NULL DEFAULT now(),
    failure_count  int          NOT NULL DEFAULT 0,
    deactivated_at timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX push_device_tokens_user_idx ON push_device_tokens (user_id, is_active);

CREATE TABLE notification_preferences (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL,
    channel             varchar(10) NOT NULL,
    topic               varchar(30) NOT NULL,
    enabled             boolean     NOT NULL DEFAULT true,
    quiet_hours_enabled boolean     NOT NULL DEFAULT false,
    quiet_hours_start   char(5),
    quiet_hours_end     char(5),
    timezone            varchar(50),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    UNIQUE (user_id, channel, topic)
);

CREATE TABLE notification_suppressions (
    id             uuid PRIMARY KEY,
    channel        varchar(10)  NOT NULL,
    address_hash   char(64)     NOT NULL,
    address_masked varchar(320) NOT NULL,
    user_id        uuid,
    topic          varchar(30),
    reason         varchar(30)  NOT NULL,
    source         varchar(30)  NOT NULL,
    expires_at     timestamptz,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now()
);
-- NULL topic means every non-mandatory message; COALESCE keeps (channel, hash, NULL) unique too
CREATE UNIQUE INDEX notification_suppressions_unique_idx
    ON notification_suppressions (channel, address_hash, COALESCE(topic, '*'));
