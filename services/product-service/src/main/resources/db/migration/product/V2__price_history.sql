-- Price audit trail of spec 20 §1.2 (pricing rules come later; product price changes are recorded now).
CREATE TABLE price_history (
    id                uuid PRIMARY KEY,
    product_id        uuid         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    variant_id        uuid,
    pricing_rule_id   uuid,
    old_price         bigint,
    new_price         bigint       NOT NULL,
    change_percentage numeric(7, 2),
    price_type        varchar(16)  NOT NULL,
    reason            text,
    changed_by        varchar(64),
    changed_at        timestamptz  NOT NULL DEFAULT now(),
    effective_date    timestamptz
);
CREATE INDEX price_history_product_idx ON price_history (product_id);
CREATE INDEX price_history_changed_idx ON price_history (changed_at);
