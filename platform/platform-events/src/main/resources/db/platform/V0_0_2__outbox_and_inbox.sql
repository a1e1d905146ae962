-- platform-events: transactional outbox (producer side) and inbox / dead letters (consumer side), spec 00 §4.

CREATE TABLE IF NOT EXISTS outbox (
    id              UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id        UUID        NOT NULL UNIQUE,
    topic           TEXT        NOT NULL,
    aggregate_id    TEXT,
    payload         JSONB       NOT NULL,
    -- clock_timestamp(), not now(): several events of one transaction keep their order
    created_at      TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    published_at    TIMESTAMPTZ,
    attempts        INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    last_error      TEXT
);

CREATE INDEX IF NOT EXISTS outbox_unpublished_idx ON outbox (created_at) WHERE published_at IS NULL;
CREATE INDEX IF NOT EXISTS outbox_published_at_idx ON outbox (published_at) WHERE published_at IS NOT NULL;

CREATE TABLE IF NOT EXISTS processed_events (
    event_id     UUID        NOT NULL,
    consumer     TEXT        NOT NULL,
    topic        TEXT        NOT NULL,
    processed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (event_id, consumer)
);

CREATE TABLE IF NOT EXISTS dead_letter_events (
    id          UUID        PRIMARY KEY DEFAULT gen_random_uuid(),
    event_id    UUID,
    consumer    TEXT        NOT NULL,
    topic       TEXT,
    payload     TEXT        NOT NULL,
    reason      TEXT        NOT NULL,
    error       TEXT,
    attempts    INTEGER     NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    redriven_at TIMESTAMPTZ
);

-- one open dead letter per event and handler, however often a crash makes the last attempt repeat
CREATE UNIQUE INDEX IF NOT EXISTS dead_letter_events_open_uq
    ON dead_letter_events (event_id, consumer) WHERE redriven_at IS NULL;
CREATE INDEX IF NOT EXISTS dead_letter_events_created_at_idx ON dead_letter_events (created_at);
