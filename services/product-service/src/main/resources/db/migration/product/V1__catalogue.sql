-- Catalogue, taxonomy and stock of spec 20 §1.2 (sales, packages and pricing rules come later).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE categories (
    id               uuid PRIMARY KEY,
    name             varchar(100) NOT NULL,
    slug             varchar(100) NOT NULL,
    description      text,
    type             varchar(16)  NOT NULL,
    image            text,
    icon             text,
    parent_id        uuid REFERENCES categories (id) ON DELETE SET NULL,
    sort_order       int          NOT NULL DEFAULT 0,
    is_active        boolean      NOT NULL DEFAULT true,
    is_featured      boolean      NOT NULL DEFAULT false,
    meta_title       varchar(70),
    meta_description varchar(160),
    meta_keywords    varchar(500),
    created_at       timestamptz  NOT NULL DEFAULT now(),
    updated_at       timestamptz  NOT NULL DEFAULT now(),
    deleted_at       timestamptz
);
CREATE UNIQUE INDEX categories_name_uq ON categories (lower(name)) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX categories_slug_uq ON categories (slug) WHERE deleted_at IS NULL;
CREATE INDEX categories_type_idx ON categories (type);
CREATE INDEX categories_parent_idx ON categories (parent_id);

CREATE TABLE ranges (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL,
    slug        varchar(100) NOT NULL UNIQUE,
    category    varchar(16)  NOT NULL,
    description text,
    image       text,
    sort_order  int          NOT NULL DEFAULT 0,
    is_active   boolean      NOT NULL DEFAULT true,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    UNIQUE (category, name)
);

CREATE TABLE colours (
    id          uuid PRIMARY KEY,
    name        varchar(100) NOT NULL,
    hex_code    char(7)      NOT NULL,
    description varchar(500),
    category    varchar(16)  NOT NULL DEFAULT 'BOTH',
    is_active   boolean      NOT NULL DEFAULT true,
    sort_order  int          NOT NULL DEFAULT 0,
    metadata    jsonb,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now(),
    deleted_at  timestamptz
);
CREATE UNIQUE INDEX colours_name_uq ON colours (lower(name)) WHERE deleted_at IS NULL;
CREATE INDEX colours_sort_idx ON colours (sort_order);

CREATE TABLE products (
    id                uuid PRIMARY KEY,
    slug              varchar(255) NOT NULL,
    title             varchar(255) NOT NULL,
    description       text         NOT NULL,
    category          varchar(16)  NOT NULL,
    category_id       uuid REFERENCES categories (id),
    range_id          uuid REFERENCES ranges (id),
    range_name        varchar(100),
    style             varchar(16),
    finish            varchar(16),
    price             bigint,
    effective_price   bigint,
    status            varchar(16)  NOT NULL DEFAULT 'DRAFT',
    meta_title        varchar(70),
    meta_description  varchar(160),
    featured          boolean      NOT NULL DEFAULT false,
    sort_order        int          NOT NULL DEFAULT 0,
    view_count        int          NOT NULL DEFAULT 0,
    lead_time_days    int,
    last_ordered_at   timestamptz,
    search_vector     tsvector     NOT NULL DEFAULT ''::tsvector,
    created_by        uuid,
    updated_by        uuid,
    version           int          NOT NULL DEFAULT 0,
    created_at        timestamptz  NOT NULL DEFAULT now(),
    updated_at        timestamptz  NOT NULL DEFAULT now(),
    deleted_at        timestamptz
);
CREATE UNIQUE INDEX products_slug_uq ON products (slug) WHERE deleted_at IS NULL;
CREATE INDEX products_category_idx ON products (category);
CREATE INDEX products_status_idx ON products (status);
CREATE INDEX products_style_idx ON products (style);
CREATE INDEX products_finish_idx ON products (finish);
CREATE INDEX products_range_idx ON products (range_id);
CREATE INDEX products_category_id_idx ON products (category_id);
CREATE INDEX products_published_idx ON products (category, status) WHERE status = 'PUBLISHED' AND deleted_at IS NULL;
-- keyset indexes: every sort of spec 20 §1.4.2 with its id tie-break
CREATE INDEX products_created_cursor_idx ON products (created_at DESC, id DESC);
CREATE INDEX products_price_cursor_idx ON products (effective_price, id);
CREATE INDEX products_views_cursor_idx ON products (view_count DESC, created_at DESC, id DESC);
CREATE INDEX products_title_cursor_idx ON products (title, id);
CREATE INDEX products_title_trgm_idx ON products USING gin (title gin_trgm_ops);
CREATE INDEX products_search_idx ON products USING gin (search_vector);

CREATE TABLE product_images (
    id          uuid PRIMARY KEY,
    product_id  uuid         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    url         text         NOT NULL,
    alt_text    varchar(255),
    sort_order  int          NOT NULL DEFAULT 0,
    created_at  timestamptz  NOT NULL DEFAULT now(),
    updated_at  timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX product_images_product_idx ON product_images (product_id, sort_order);

CREATE TABLE product_colours (
    id          uuid PRIMARY KEY,
    product_id  uuid        NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    colour_id   uuid        NOT NULL REFERENCES colours (id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (product_id, colour_id)
);
CREATE INDEX product_colours_colour_idx ON product_colours (colour_id, product_id);

CREATE TABLE product_sizes (
    id          uuid PRIMARY KEY,
    product_id  uuid          NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    size_id     uuid,
    title       varchar(255)  NOT NULL,
    description text,
    image       text,
    width       numeric(10, 2),
    height      numeric(10, 2),
    depth       numeric(10, 2),
    unit        varchar(8)    NOT NULL DEFAULT 'mm',
    sku         varchar(100) UNIQUE,
    sort_order  int           NOT NULL DEFAULT 0,
    created_at  timestamptz   NOT NULL DEFAULT now(),
    updated_at  timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX product_sizes_product_idx ON product_sizes (product_id, sort_order);

CREATE TABLE inventory (
    id                  uuid PRIMARY KEY,
    product_id          uuid         NOT NULL REFERENCES products (id) ON DELETE CASCADE,
    variant_id          uuid REFERENCES product_sizes (id),
    sku                 varchar(100) UNIQUE,
    quantity            int          NOT NULL DEFAULT 0 CHECK (quantity BETWEEN 0 AND 999999),
    reserved_quantity   int          NOT NULL DEFAULT 0 CHECK (reserved_quantity >= 0 AND reserved_quantity <= quantity),
    available_quantity  int GENERATED ALWAYS AS (quantity - reserved_quantity) STORED,
    low_stock_threshold int          NOT NULL DEFAULT 10,
    status              varchar(16)  NOT NULL DEFAULT 'OUT_OF_STOCK',
    warehouse_location  varchar(255),
    last_restocked_at   timestamptz,
    version             int          NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL DEFAULT now(),
    updated_at          timestamptz  NOT NULL DEFAULT now(),
    deleted_at          timestamptz,
    UNIQUE NULLS NOT DISTINCT (product_id, variant_id)
);
CREATE INDEX inventory_status_idx ON inventory (status);

CREATE TABLE inventory_reservations (
    id           uuid PRIMARY KEY,
    order_id     uuid        NOT NULL,
    inventory_id uuid        NOT NULL REFERENCES inventory (id),
    product_id   uuid        NOT NULL,
    variant_id   uuid,
    quantity     int         NOT NULL CHECK (quantity >= 1),
    status       varchar(16) NOT NULL,
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now(),
    UNIQUE (order_id, inventory_id)
);
CREATE INDEX inventory_reservations_expiry_idx ON inventory_reservations (status, expires_at);

CREATE TABLE inventory_movements (
    id             uuid PRIMARY KEY,
    inventory_id   uuid         NOT NULL REFERENCES inventory (id),
    type           varchar(16)  NOT NULL,
    quantity_delta int          NOT NULL,
    reserved_delta int          NOT NULL,
    quantity_after int          NOT NULL,
    reason         varchar(500),
    order_id       uuid,
    actor_id       varchar(64)  NOT NULL,
    created_at     timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX inventory_movements_inventory_idx ON inventory_movements (inventory_id, created_at);
