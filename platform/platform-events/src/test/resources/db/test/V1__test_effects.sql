-- Side effects of the test handlers: one row per application of a handler.
CREATE TABLE effects (
    event_id   UUID        NOT NULL,
    handler    TEXT        NOT NULL,
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
