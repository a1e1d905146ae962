-- Idempotency-Key handling of spec 00 §1.6, shared by every service (platform-web).
CREATE TABLE IF NOT EXISTS idempotency_keys (
    scope           TEXT        NOT NULL,
    idem_key        TEXT        NOT NULL,
    fingerprint     TEXT        NOT NULL,
    response_status INTEGER,
    content_type    TEXT,
    location        TEXT,
    response_body   BYTEA,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    expires_at      TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX IF NOT EXISTS idx_idempotency_keys_expires_at ON idempotency_keys (expires_at);
