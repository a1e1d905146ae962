-- Orders, payments, refunds, invoices, coupons, tax and delivery of spec 20 §2.2 (18 tables with the
-- platform's outbox/inbox/idempotency tables). Money is integer pence; enums are varchar checked in code.

CREATE TABLE number_sequences (
    scope      varchar(16) NOT NULL,
    year       int         NOT NULL,
    last_value int         NOT NULL DEFAULT 0,
    PRIMARY KEY (scope, year)
);

CREATE TABLE shipping_methods (
    id                   uuid PRIMARY KEY,
    name                 varchar(100) NOT NULL,
    code                 varchar(32)  NOT NULL,
    description          text,
    price                bigint       NOT NULL CHECK (price >= 0),
    currency             char(3)      NOT NULL DEFAULT 'GBP',
    estimated_days_min   int          NOT NULL,
    estimated_days_max   int          NOT NULL,
    minimum_order_amount bigint,
    maximum_order_amount bigint,
    free_threshold       bigint,
    applies_to_kitchen   boolean      NOT NULL DEFAULT true,
    applies_to_bedroom   boolean      NOT NULL DEFAULT true,
    available_countries  text[]       NOT NULL DEFAULT '{GB}',
    is_active            boolean      NOT NULL DEFAULT true,
    sort_order           int          NOT NULL DEFAULT 0,
    created_at           timestamptz  NOT NULL DEFAULT now(),
    updated_at           timestamptz  NOT NULL DEFAULT now(),
    deleted_at           timestamptz
);

CREATE TABLE tax_rates (
    id             uuid PRIMARY KEY,
    name           varchar(100) NOT NULL,
    code           varchar(30)  NOT NULL UNIQUE,
    type           varchar(10)  NOT NULL DEFAULT 'VAT',
    rate_type      varchar(10)  NOT NULL DEFAULT 'PERCENTAGE',
    rate_percent   numeric(5, 2),
    fixed_amount   bigint,
    country        char(2)      NOT NULL,
    region         varchar(100),
    category       varchar(20)  NOT NULL DEFAULT 'GENERAL',
    is_default     boolean      NOT NULL DEFAULT false,
    is_active      boolean      NOT NULL DEFAULT true,
    effective_from timestamptz  NOT NULL,
    effective_to   timestamptz,
    metadata       jsonb,
    created_at     timestamptz  NOT NULL DEFAULT now(),
    updated_at     timestamptz  NOT NULL DEFAULT now(),
    deleted_at     timestamptz
);

CREATE TABLE coupons (
    id                      uuid PRIMARY KEY,
    code                    varchar(50)  NOT NULL,
    name                    varchar(100) NOT NULL,
    description             text,
    discount_type           varchar(16)  NOT NULL,
    discount_percent        numeric(5, 2),
    discount_amount         bigint,
    max_discount_amount     bigint,
    min_order_amount        bigint,
    max_usage_count         int,
    max_usage_per_customer  int          NOT NULL DEFAULT 1,
    usage_count             int          NOT NULL DEFAULT 0,
    valid_from              timestamptz  NOT NULL,
    valid_until             timestamptz,
    applicable_categories   text[]       NOT NULL DEFAULT '{}',
    applicable_products     uuid[]       NOT NULL DEFAULT '{}',
    excluded_products       uuid[]       NOT NULL DEFAULT '{}',
    first_order_only        boolean      NOT NULL DEFAULT false,
    status                  varchar(12)  NOT NULL DEFAULT 'ACTIVE',
    internal_notes          text,
    metadata                jsonb,
    created_by              uuid,
    created_at              timestamptz  NOT NULL DEFAULT now(),
    updated_at              timestamptz  NOT NULL DEFAULT now(),
    deleted_at              timestamptz,
    CHECK (max_usage_count IS NULL OR usage_count <= max_usage_count),
    CHECK (usage_count >= 0)
);
CREATE UNIQUE INDEX coupons_code_uq ON coupons (code) WHERE deleted_at IS NULL;
CREATE INDEX coupons_status_idx ON coupons (status);
CREATE INDEX coupons_valid_from_idx ON coupons (valid_from);
CREATE INDEX coupons_valid_until_idx ON coupons (valid_until);

CREATE TABLE orders (
    id                       uuid PRIMARY KEY,
    order_number             varchar(20)  NOT NULL UNIQUE,
    user_id                  uuid         NOT NULL,
    customer_email           varchar(255) NOT NULL,
    customer_name            varchar(255) NOT NULL,
    customer_phone           varchar(20),
    status                   varchar(16)  NOT NULL DEFAULT 'PENDING',
    payment_status           varchar(20)  NOT NULL DEFAULT 'UNPAID',
    source                   varchar(8)   NOT NULL DEFAULT 'WEB',
    subtotal                 bigint       NOT NULL,
    discount_amount          bigint       NOT NULL DEFAULT 0,
    loyalty_points_redeemed  int          NOT NULL DEFAULT 0,
    loyalty_discount_amount  bigint       NOT NULL DEFAULT 0,
    shipping_amount          bigint       NOT NULL DEFAULT 0,
    tax_amount               bigint       NOT NULL DEFAULT 0,
    total_amount             bigint       NOT NULL CHECK (total_amount BETWEEN 30 AND 99999999),
    amount_paid              bigint       NOT NULL DEFAULT 0,
    amount_refunded          bigint       NOT NULL DEFAULT 0,
    currency                 char(3)      NOT NULL DEFAULT 'GBP',
    coupon_code              varchar(50),
    shipping_method_id       uuid         NOT NULL REFERENCES shipping_methods (id),
    shipping_address         jsonb        NOT NULL,
    billing_address          jsonb        NOT NULL,
    notes                    text,
    internal_notes           text,
    appointment_id           uuid,
    cancellation_reason      varchar(32),
    cancellation_note        text,
    cancelled_by             uuid,
    expires_at               timestamptz  NOT NULL,
    confirmed_at             timestamptz,
    shipped_at               timestamptz,
    delivered_at             timestamptz,
    completed_at             timestamptz,
    cancelled_at             timestamptz,
    expired_at               timestamptz,
    estimated_delivery_date  date,
    metadata                 jsonb,
    version                  int          NOT NULL DEFAULT 0,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    deleted_at               timestamptz,
    CHECK (amount_refunded <= amount_paid)
);
CREATE INDEX orders_user_created_idx ON orders (user_id, created_at DESC);
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_payment_status_idx ON orders (payment_status);
CREATE INDEX orders_pending_expiry_idx ON orders (expires_at) WHERE status = 'PENDING';
CREATE INDEX orders_coupon_idx ON orders (coupon_code);
CREATE INDEX orders_email_idx ON orders (customer_email);
CREATE INDEX orders_created_idx ON orders (created_at DESC);

CREATE TABLE order_items (
    id               uuid PRIMARY KEY,
    order_id         uuid          NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    product_id       uuid          NOT NULL,
    variant_id       uuid,
    variant_name     varchar(255),
    colour_id        uuid,
    colour_name      varchar(100),
    product_title    varchar(255)  NOT NULL,
    sku              varchar(100),
    category         varchar(16)   NOT NULL,
    range_name       varchar(100),
    quantity         int           NOT NULL CHECK (quantity BETWEEN 1 AND 100),
    unit_price       bigint        NOT NULL,
    total_price      bigint        NOT NULL,
    discount_amount  bigint        NOT NULL DEFAULT 0,
    tax_rate         numeric(5, 2) NOT NULL DEFAULT 20.00,
    tax_amount       bigint        NOT NULL,
    image_url        text,
    product_details  jsonb,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX order_items_order_idx ON order_items (order_id);
CREATE INDEX order_items_product_idx ON order_items (product_id);

CREATE TABLE order_status_history (
    id          uuid PRIMARY KEY,
    order_id    uuid         NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    field       varchar(16)  NOT NULL,
    from_status varchar(32),
    to_status   varchar(32)  NOT NULL,
    changed_by  varchar(64),
    actor_type  varchar(16)  NOT NULL,
    notes       varchar(500),
    metadata    jsonb,
    created_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX order_status_history_order_idx ON order_status_history (order_id, created_at);

CREATE TABLE order_audit_logs (
    id            uuid PRIMARY KEY,
    order_id      uuid         NOT NULL,
    action        varchar(32)  NOT NULL,
    actor         varchar(64)  NOT NULL,
    actor_type    varchar(16)  NOT NULL,
    previous_data jsonb,
    new_data      jsonb,
    changes       jsonb,
    ip_address    varchar(64),
    user_agent    varchar(500),
    metadata      jsonb,
    created_at    timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX order_audit_logs_order_idx ON order_audit_logs (order_id);
CREATE INDEX order_audit_logs_action_idx ON order_audit_logs (action);
CREATE INDEX order_audit_logs_created_idx ON order_audit_logs (created_at);

CREATE TABLE shipments (
    id                    uuid PRIMARY KEY,
    order_id              uuid         NOT NULL UNIQUE REFERENCES orders (id) ON DELETE CASCADE,
    shipping_method_id    uuid         NOT NULL REFERENCES shipping_methods (id),
    status                varchar(20)  NOT NULL DEFAULT 'PENDING',
    carrier               varchar(100),
    tracking_number       varchar(100) UNIQUE,
    tracking_url          text,
    shipping_address      jsonb        NOT NULL,
    shipping_cost         bigint       NOT NULL,
    estimated_delivery    date,
    shipped_at            timestamptz,
    delivered_at          timestamptz,
    delivery_instructions text,
    internal_notes        text,
    created_at            timestamptz  NOT NULL DEFAULT now(),
    updated_at            timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX shipments_status_idx ON shipments (status);

CREATE TABLE coupon_usages (
    id              uuid PRIMARY KEY,
    coupon_id       uuid        NOT NULL REFERENCES coupons (id),
    coupon_code     varchar(50) NOT NULL,
    order_id        uuid        NOT NULL,
    user_id         uuid        NOT NULL,
    discount_amount bigint      NOT NULL,
    status          varchar(10) NOT NULL DEFAULT 'RESERVED',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (coupon_id, order_id)
);
CREATE INDEX coupon_usages_user_idx ON coupon_usages (coupon_id, user_id);

CREATE TABLE payments (
    id                       uuid PRIMARY KEY,
    order_id                 uuid         NOT NULL REFERENCES orders (id),
    attempt_no               int          NOT NULL CHECK (attempt_no BETWEEN 1 AND 3),
    provider                 varchar(10)  NOT NULL DEFAULT 'STRIPE',
    method                   varchar(20),
    status                   varchar(20)  NOT NULL DEFAULT 'PENDING',
    amount                   bigint       NOT NULL,
    amount_refunded          bigint       NOT NULL DEFAULT 0,
    currency                 char(3)      NOT NULL DEFAULT 'GBP',
    stripe_payment_intent_id varchar(255) UNIQUE,
    stripe_idempotency_key   varchar(255) NOT NULL UNIQUE,
    stripe_client_secret     varchar(255),
    stripe_customer_id       varchar(255),
    stripe_payment_method_id varchar(255),
    stripe_charge_id         varchar(255) UNIQUE,
    card_brand               varchar(20),
    card_last4               char(4),
    card_exp_month           int,
    card_exp_year            int,
    receipt_url              text,
    failure_code             varchar(100),
    failure_message          text,
    cancellation_source      varchar(20),
    metadata                 jsonb,
    succeeded_at             timestamptz,
    failed_at                timestamptz,
    cancelled_at             timestamptz,
    refunded_at              timestamptz,
    created_at               timestamptz  NOT NULL DEFAULT now(),
    updated_at               timestamptz  NOT NULL DEFAULT now(),
    UNIQUE (order_id, attempt_no)
);
CREATE UNIQUE INDEX payments_one_captured_per_order_uq ON payments (order_id)
    WHERE status IN ('SUCCEEDED', 'PARTIALLY_REFUNDED', 'REFUNDED', 'DISPUTED');
CREATE INDEX payments_order_idx ON payments (order_id);
CREATE INDEX payments_status_idx ON payments (status);
CREATE INDEX payments_created_idx ON payments (created_at);

CREATE TABLE payment_transactions (
    id                      uuid PRIMARY KEY,
    payment_id              uuid         NOT NULL REFERENCES payments (id),
    type                    varchar(16)  NOT NULL,
    status                  varchar(12)  NOT NULL,
    amount                  bigint       NOT NULL,
    currency                char(3)      NOT NULL DEFAULT 'GBP',
    provider_transaction_id varchar(255),
    stripe_event_id         varchar(255),
    provider_response       jsonb,
    error_code              varchar(100),
    error_message           text,
    metadata                jsonb,
    created_at              timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX payment_transactions_payment_idx ON payment_transactions (payment_id);
CREATE INDEX payment_transactions_event_idx ON payment_transactions (stripe_event_id);

CREATE TABLE refunds (
    id               uuid PRIMARY KEY,
    order_id         uuid         NOT NULL REFERENCES orders (id),
    payment_id       uuid         NOT NULL REFERENCES payments (id),
    amount           bigint       NOT NULL CHECK (amount >= 1),
    currency         char(3)      NOT NULL DEFAULT 'GBP',
    type             varchar(8)   NOT NULL,
    reason           varchar(32)  NOT NULL,
    notes            text,
    status           varchar(12)  NOT NULL DEFAULT 'PENDING',
    stripe_refund_id varchar(255) UNIQUE,
    initiator        varchar(10)  NOT NULL,
    requested_by     varchar(64)  NOT NULL,
    items            jsonb,
    idempotency_key  varchar(255),
    processed_at     timestamptz,
    settled_at       timestamptz,
    failed_at        timestamptz,
    cancelled_at     timestamptz,
    cancelled_by     uuid,
    failure_reason   text,
    retry_count      int          NOT NULL DEFAULT 0 CHECK (retry_count BETWEEN 0 AND 3),
    last_retried_at  timestamptz,
    last_retried_by  uuid,
    metadata         jsonb,
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX refunds_order_idx ON refunds (order_id);
CREATE INDEX refunds_payment_idx ON refunds (payment_id);
CREATE INDEX refunds_status_idx ON refunds (status);
CREATE INDEX refunds_created_idx ON refunds (created_at);

CREATE TABLE invoices (
    id                  uuid PRIMARY KEY,
    invoice_number      varchar(20)  NOT NULL UNIQUE,
    type                varchar(12)  NOT NULL,
    order_id            uuid         NOT NULL REFERENCES orders (id),
    user_id             uuid         NOT NULL,
    refund_id           uuid REFERENCES refunds (id),
    original_invoice_id uuid REFERENCES invoices (id),
    status              varchar(16)  NOT NULL,
    subtotal            bigint       NOT NULL,
    discount_amount     bigint       NOT NULL DEFAULT 0,
    shipping_amount     bigint       NOT NULL DEFAULT 0,
    tax_amount          bigint       NOT NULL,
    total_amount        bigint       NOT NULL,
    paid_amount         bigint       NOT NULL DEFAULT 0,
    currency            char(3)      NOT NULL DEFAULT 'GBP',
    bill_from           jsonb        NOT NULL,
    bill_to             jsonb        NOT NULL,
    ship_to             jsonb,
    line_items          jsonb        NOT NULL,
    vat_breakdown       jsonb        NOT NULL,
    payment_summary     jsonb,
    issued_at           timestamptz,
    due_date            date,
    paid_at             timestamptz,
    sent_at             timestamptz,
    voided_at           timestamptz,
    void_reason         text,
    pdf_key             text,
    pdf_generated_at    timestamptz,
    notes               text,
    terms               text,
    metadata            jsonb,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX invoices_one_live_invoice_per_order_uq ON invoices (order_id)
    WHERE type = 'INVOICE' AND status <> 'VOID';
CREATE UNIQUE INDEX invoices_one_credit_note_per_refund_uq ON invoices (refund_id) WHERE refund_id IS NOT NULL;
CREATE INDEX invoices_order_idx ON invoices (order_id);
CREATE INDEX invoices_user_idx ON invoices (user_id);
CREATE INDEX invoices_status_idx ON invoices (status);
CREATE INDEX invoices_issued_idx ON invoices (issued_at);

CREATE TABLE webhook_events (
    id             uuid PRIMARY KEY,
    provider       varchar(10)  NOT NULL DEFAULT 'STRIPE',
    event_id       varchar(255) NOT NULL,
    event_type     varchar(100) NOT NULL,
    livemode       boolean      NOT NULL,
    api_version    varchar(20),
    payload        jsonb        NOT NULL,
    status         varchar(14)  NOT NULL DEFAULT 'RECEIVED',
    retry_count    int          NOT NULL DEFAULT 0,
    last_retried_at timestamptz,
    next_retry_at  timestamptz,
    failure_reason text,
    received_at    timestamptz  NOT NULL DEFAULT now(),
    processed_at   timestamptz,
    UNIQUE (provider, event_id)
);
CREATE INDEX webhook_events_retry_idx ON webhook_events (status, next_retry_at);

-- delivery rates and VAT of spec 20 §2.4.11 (admin-editable)
INSERT INTO shipping_methods (id, name, code, description, price, estimated_days_min, estimated_days_max,
                              minimum_order_amount, free_threshold, applies_to_kitchen, applies_to_bedroom, sort_order)
VALUES ('0190f5a0-0000-7000-8000-000000000001', 'Standard delivery', 'STANDARD',
        'Kerbside delivery by our own team, free on orders from £500', 995, 14, 21, NULL, 50000, true, true, 1),
       ('0190f5a0-0000-7000-8000-000000000002', 'Express delivery', 'EXPRESS',
        'Priority slot within 7 to 10 days', 2995, 7, 10, NULL, NULL, true, true, 2),
       ('0190f5a0-0000-7000-8000-000000000003', 'Next-day kitchen delivery', 'NEXT_DAY',
        'Two-person crew, kitchens from £2,000', 24900, 1, 1, 200000, NULL, true, false, 3),
       ('0190f5a0-0000-7000-8000-000000000004', 'Collect from showroom', 'COLLECT_FROM_SHOWROOM',
        'Collect from your chosen showroom when we tell you it is ready', 0, 7, 14, NULL, NULL, true, true, 4),
       ('0190f5a0-0000-7000-8000-000000000005', 'Home measurement and delivery', 'HOME_MEASUREMENT',
        'A fitter measures your room before we deliver, orders from £3,000', 9900, 21, 42, 300000, NULL, true, true, 5);

INSERT INTO tax_rates (id, name, code, rate_type, rate_percent, country, is_default, is_active, effective_from)
VALUES ('0190f5a0-0000-7000-8000-000000000101', 'UK VAT standard rate', 'GB_VAT_20', 'PERCENTAGE', 20.00, 'GB',
        true, true, '2011-01-04T00:00:00Z'),
       ('0190f5a0-0000-7000-8000-000000000102', 'UK VAT zero rate', 'GB_VAT_0', 'PERCENTAGE', 0.00, 'GB',
        false, false, '2011-01-04T00:00:00Z');
