-- spec 40 §1.2 campaigns (feature flag notifications.campaigns.enabled); counters are computed from notifications
CREATE TABLE campaigns (
    id               uuid PRIMARY KEY,
    name             varchar(150) NOT NULL,
    description      text,
    channel          varchar(10)  NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    status           varchar(12)  NOT NULL DEFAULT 'DRAFT',
    audience_type    varchar(30)  NOT NULL DEFAULT 'ALL_USERS',
    audience_filter  jsonb,
    audience_list    jsonb,
    scheduled_at     timestamptz,
    started_at       timestamptz,
    completed_at     timestamptz,
    cancelled_at     timestamptz,
    total_recipients int          NOT NULL DEFAULT 0,
    created_by       uuid,
    updated_by       uuid,
    deleted_at       timestamptz,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX campaigns_status_idx ON campaigns (status, scheduled_at);

CREATE TABLE campaign_templates (
    id          uuid PRIMARY KEY,
    campaign_id uuid        NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    template_id uuid        NOT NULL REFERENCES notification_templates (id) ON DELETE RESTRICT,
    sort_order  int         NOT NULL DEFAULT 0,
    variables   jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, template_id)
);

ALTER TABLE notifications ADD COLUMN campaign_id uuid;
CREATE INDEX notifications_campaign_idx ON notifications (campaign_id, status) WHERE campaign_id IS NOT NULL;
