-- Size presets, offers, packages and pricing rules of spec 20 §1.2 (additive).
CREATE TABLE sizes (
    id          uuid PRIMARY KEY,
    name        varchar(100)   NOT NULL,
    title       varchar(200),
    description varchar(1000),
    image       text,
    width       numeric(10, 2),
    height      numeric(10, 2),
    depth       numeric(10, 2),
    unit        varchar(8)     NOT NULL DEFAULT 'mm',
    category    varchar(16)    NOT NULL DEFAULT 'BOTH',
    is_active   boolean        NOT NULL DEFAULT true,
    sort_order  int            NOT NULL DEFAULT 0,
    metadata    jsonb,
    created_at  timestamptz    NOT NULL DEFAULT now(),
    updated_at  timestamptz    NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX sizes_name_uq ON sizes (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX sizes_sort_idx ON sizes (sort_order);

CREATE TABLE sales (
    id               uuid PRIMARY KEY,
    slug             varchar(255)  NOT NULL,
    title            varchar(255)  NOT NULL,
    description      text          NOT NULL,
    image            text          NOT NULL,
    start_date       timestamptz   NOT NULL,
    end_date         timestamptz   NOT NULL,
    discount_type    varchar(16),
    discount_percent numeric(5, 2),
    discount_amount  bigint,
    terms            text,
    category         varchar(16),
    active           boolean       NOT NULL DEFAULT true,
    priced_state     varchar(16),
    created_by       uuid,
    updated_by       uuid,
    created_at       timestamptz   NOT NULL DEFAULT now(),
    updated_at       timestamptz   NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    CHECK (end_date > start_date),
    CHECK ((discount_type IS NULL AND discount_percent IS NULL AND discount_amount IS NULL)
        OR (discount_type = 'PERCENTAGE' AND discount_percent BETWEEN 0.01 AND 100 AND discount_amount IS NULL)
        OR (discount_type = 'FIXED_AMOUNT' AND discount_amount >= 1 AND discount_percent IS NULL))
);
CREATE UNIQUE INDEX sales_slug_uq ON sales (slug) WHERE deleted_at IS NULL;
CREATE INDEX sales_window_idx ON sales (active, start_date, end_date) WHERE deleted_at IS NULL;
CREATE INDEX sales_category_idx ON sales (category);

CREATE TABLE sale_products (
    id          uuid PRIMARY KEY,
    sale_id     uuid        NOT NULL REFERENCES sales (id) ON DELETE CASCADE,
    product_id  uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (sale_id, product_id)
);
CREATE INDEX sale_products_product_idx ON sale_products (product_id);

CREATE TABLE packages (
    id          uuid PRIMARY KEY,
    slug        varchar(255) NOT NULL,
    title       varchar(255) NOT NULL,
    description text         NOT NULL,
    image       text         NOT NULL,
    price       bigint,
    category    varchar(16),
    features    jsonb,
    active      boolean      NOT NULL DEFAULT true,
    sort_order  int          NOT NULL DEFAULT 0,
    created_by  uuid,
    updated_by  uuid,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX packages_slug_uq ON packages (slug) WHERE deleted_at IS NULL;

CREATE TABLE pricing_rules (
    id                  uuid PRIMARY KEY,
    product_id          uuid          NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    variant_id          uuid REFERENCES product_sizes (id) ON DELETE CASCADE,
    pricing_type        varchar(16)   NOT NULL DEFAULT 'FIXED',
    base_price          bigint        NOT NULL CHECK (base_price > 0 AND base_price <= 999999999),
    sale_price          bigint,
    cost_price          bigint        CHECK (cost_price > 0),
    min_price           bigint,
    max_price           bigint,
    currency            char(3)       NOT NULL DEFAULT 'GBP',
    tax_rate            numeric(5, 2) NOT NULL DEFAULT 20.00 CHECK (tax_rate BETWEEN 0 AND 100),
    min_order_quantity  int           NOT NULL DEFAULT 1 CHECK (min_order_quantity >= 1),
    max_order_quantity  int,
    sale_start_date     timestamptz,
    sale_end_date       timestamptz,
    effective_from      timestamptz   NOT NULL DEFAULT now(),
    effective_until     timestamptz,
    status              varchar(16)   NOT NULL DEFAULT 'ACTIVE',
    final_price         bigint        NOT NULL,
    discount_amount     bigint        NOT NULL DEFAULT 0,
    discount_percentage numeric(5, 2) NOT NULL DEFAULT 0,
    is_on_sale          boolean       NOT NULL DEFAULT false,
    version             int           NOT NULL DEFAULT 0,
    created_at          timestamptz   NOT NULL DEFAULT now(),
    updated_at          timestamptz   NOT NULL DEFAULT now(),
    deleted_at          timestamptz,
    CHECK (sale_price IS NULL OR (sale_price > 0 AND sale_price < base_price)),
    CHECK (min_price IS NULL OR max_price IS NULL OR min_price <= max_price),
    CHECK (max_order_quantity IS NULL OR max_order_quantity >= min_order_quantity)
);
CREATE UNIQUE INDEX pricing_rules_live_uq ON pricing_rules (product_id, variant_id) NULLS NOT DISTINCT
    WHERE deleted_at IS NULL AND status IN ('ACTIVE', 'SCHEDULED');
CREATE INDEX pricing_rules_product_idx ON pricing_rules (product_id);

-- (ours) the net base price shown on cards next to effectivePrice: the current rule's basePrice or products.price
ALTER TABLE products ADD COLUMN list_price bigint;
