-- customer.processing_restricted (GDPR Art. 18): while a row exists the user receives mandatory messages only
CREATE TABLE notification_processing_restrictions (
    user_id       uuid PRIMARY KEY,
    restricted_at timestamptz NOT NULL DEFAULT now()
);
