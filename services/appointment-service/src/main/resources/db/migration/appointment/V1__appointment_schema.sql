-- appointment-service schema (spec 30 §1.2). Instants are timestamptz (UTC); wall-clock fields are Europe/London.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS citext;

CREATE TABLE appointment_types (
    type              VARCHAR(20)  PRIMARY KEY CHECK (type IN ('HOME_MEASUREMENT', 'ONLINE', 'SHOWROOM')),
    title             VARCHAR(100) NOT NULL,
    description       VARCHAR(1000),
    duration_minutes  INT          NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 15 AND 480),
    lead_time_hours   INT          NOT NULL DEFAULT 2 CHECK (lead_time_hours BETWEEN 0 AND 168),
    is_active         BOOLEAN      NOT NULL DEFAULT true,
    sort_order        INT          NOT NULL DEFAULT 0,
    image_url         TEXT,
    created_at        TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ  NOT NULL DEFAULT now()
);

INSERT INTO appointment_types (type, title, description, lead_time_hours, sort_order) VALUES
  ('HOME_MEASUREMENT', 'Home Measurement', 'A designer visits your home to measure up and talk through your ideas.', 24, 1),
  ('ONLINE', 'Online Consultation', 'A video call with a designer, from wherever suits you.', 2, 2),
  ('SHOWROOM', 'Showroom Visit', 'Meet a designer at one of our showrooms and see the ranges in person.', 2, 3);

CREATE TABLE showrooms (
    id             UUID          PRIMARY KEY,
    name           VARCHAR(150)  NOT NULL,
    slug           VARCHAR(160)  NOT NULL,
    address        VARCHAR(500)  NOT NULL,
    city           VARCHAR(100)  NOT NULL,
    postcode       VARCHAR(10)   NOT NULL,
    country        VARCHAR(60)   NOT NULL DEFAULT 'United Kingdom',
    email          CITEXT        NOT NULL,
    phone          VARCHAR(20)   NOT NULL,
    latitude       DOUBLE PRECISION,
    longitude      DOUBLE PRECISION,
    map_link       TEXT,
    image_url      TEXT,
    gallery_urls   TEXT[]        NOT NULL DEFAULT '{}',
    opening_hours  JSONB         NOT NULL,
    timezone       VARCHAR(40)   NOT NULL DEFAULT 'Europe/London',
    capacity       INT           NOT NULL DEFAULT 5 CHECK (capacity BETWEEN 1 AND 50),
    is_active      BOOLEAN       NOT NULL DEFAULT true,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    deleted_at     TIMESTAMPTZ
);
CREATE UNIQUE INDEX showrooms_slug_uq ON showrooms (slug) WHERE deleted_at IS NULL;
CREATE INDEX showrooms_city_idx ON showrooms (city);
CREATE INDEX showrooms_postcode_idx ON showrooms (postcode);
CREATE INDEX showrooms_active_idx ON showrooms (is_active);

CREATE TABLE showroom_closures (
    id           UUID         PRIMARY KEY,
    showroom_id  UUID         NOT NULL REFERENCES showrooms (id) ON DELETE CASCADE,
    date         DATE         NOT NULL,
    reason       VARCHAR(200),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    UNIQUE (showroom_id, date)
);

CREATE TABLE consultants (
    id                  UUID          PRIMARY KEY,
    user_id             UUID,
    name                VARCHAR(100)  NOT NULL,
    email               CITEXT        NOT NULL,
    phone               VARCHAR(20),
    bio                 VARCHAR(1000),
    avatar_url          TEXT,
    specialisation      VARCHAR(10)   NOT NULL DEFAULT 'BOTH' CHECK (specialisation IN ('KITCHEN', 'BEDROOM', 'BOTH')),
    showroom_id         UUID          REFERENCES showrooms (id) ON DELETE SET NULL,
    coverage_areas      TEXT[]        NOT NULL DEFAULT '{}',
    max_daily_bookings  INT           NOT NULL DEFAULT 8 CHECK (max_daily_bookings BETWEEN 1 AND 16),
    is_active           BOOLEAN       NOT NULL DEFAULT true,
    is_available        BOOLEAN       NOT NULL DEFAULT true,
    created_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ   NOT NULL DEFAULT now(),
    deleted_at          TIMESTAMPTZ
);
CREATE UNIQUE INDEX consultants_email_uq ON consultants (email) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX consultants_user_uq ON consultants (user_id) WHERE deleted_at IS NULL;
CREATE INDEX consultants_active_idx ON consultants (is_active, is_available);
CREATE INDEX consultants_showroom_idx ON consultants (showroom_id);
CREATE INDEX consultants_specialisation_idx ON consultants (specialisation);

CREATE TABLE availability (
    id              UUID         PRIMARY KEY,
    consultant_id   UUID         NOT NULL REFERENCES consultants (id) ON DELETE CASCADE,
    day_of_week     VARCHAR(9)   NOT NULL CHECK (day_of_week IN
                        ('MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY')),
    start_time      TIME         NOT NULL,
    end_time        TIME         NOT NULL,
    is_recurring    BOOLEAN      NOT NULL DEFAULT true,
    specific_date   DATE,
    is_blocked      BOOLEAN      NOT NULL DEFAULT false,
    block_reason    VARCHAR(200),
    valid_from      DATE,
    valid_to        DATE,
    -- weekly rules key on -1..-7 (Monday..Sunday), exceptions on their day number; casts to text are not immutable
    day_key         INT          GENERATED ALWAYS AS (COALESCE(specific_date - DATE '2000-01-01',
                        CASE day_of_week WHEN 'MONDAY' THEN -1 WHEN 'TUESDAY' THEN -2 WHEN 'WEDNESDAY' THEN -3
                            WHEN 'THURSDAY' THEN -4 WHEN 'FRIDAY' THEN -5 WHEN 'SATURDAY' THEN -6 ELSE -7 END)) STORED,
    minute_range    INT4RANGE    GENERATED ALWAYS AS (int4range(
                        (EXTRACT(HOUR FROM start_time) * 60 + EXTRACT(MINUTE FROM start_time))::int,
                        (EXTRACT(HOUR FROM end_time) * 60 + EXTRACT(MINUTE FROM end_time))::int)) STORED,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    deleted_at      TIMESTAMPTZ,
    CHECK (start_time < end_time),
    CHECK (is_recurring = (specific_date IS NULL)),
    CONSTRAINT availability_no_overlap EXCLUDE USING gist (consultant_id WITH =, day_key WITH =, minute_range WITH &&)
        WHERE (deleted_at IS NULL AND NOT is_blocked)
);
CREATE INDEX availability_weekly_idx ON availability (consultant_id, day_of_week);
CREATE INDEX availability_date_idx ON availability (consultant_id, specific_date);

CREATE TABLE time_slots (
    id                UUID          PRIMARY KEY,
    consultant_id     UUID          NOT NULL REFERENCES consultants (id) ON DELETE RESTRICT,
    showroom_id       UUID          REFERENCES showrooms (id),
    availability_id   UUID          REFERENCES availability (id) ON DELETE SET NULL,
    starts_at         TIMESTAMPTZ   NOT NULL,
    ends_at           TIMESTAMPTZ   NOT NULL,
    local_date        DATE          NOT NULL,
    duration_minutes  INT           NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 15 AND 480),
    status            VARCHAR(10)   NOT NULL DEFAULT 'AVAILABLE' CHECK (status IN ('AVAILABLE', 'BOOKED', 'BLOCKED')),
    booking_id        UUID          UNIQUE,
    block_reason      VARCHAR(200),
    source            VARCHAR(10)   NOT NULL DEFAULT 'GENERATED' CHECK (source IN ('GENERATED', 'MANUAL')),
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    deleted_at        TIMESTAMPTZ,
    CHECK (ends_at > starts_at),
    CHECK ((status = 'BOOKED') = (booking_id IS NOT NULL)),
    CONSTRAINT time_slots_no_overlap EXCLUDE USING gist (consultant_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (deleted_at IS NULL)
);
CREATE INDEX time_slots_free_idx ON time_slots (consultant_id, starts_at) WHERE status = 'AVAILABLE' AND deleted_at IS NULL;
CREATE INDEX time_slots_date_idx ON time_slots (local_date, status);
CREATE INDEX time_slots_showroom_idx ON time_slots (showroom_id, local_date);

CREATE TABLE booking_reference_counters (
    day       DATE PRIMARY KEY,
    last_no   INT  NOT NULL
);

CREATE TABLE bookings (
    id                   UUID          PRIMARY KEY,
    reference_code       VARCHAR(20)   NOT NULL UNIQUE,
    user_id              UUID,
    appointment_type     VARCHAR(20)   NOT NULL REFERENCES appointment_types (type),
    for_kitchen          BOOLEAN       NOT NULL DEFAULT false,
    for_bedroom          BOOLEAN       NOT NULL DEFAULT false,
    customer_name        VARCHAR(100)  NOT NULL,
    customer_email       CITEXT        NOT NULL CHECK (length(customer_email) <= 255),
    customer_phone       VARCHAR(20),
    customer_postcode    VARCHAR(10)   NOT NULL,
    customer_address     VARCHAR(500),
    slot_id              UUID          NOT NULL REFERENCES time_slots (id),
    consultant_id        UUID          NOT NULL REFERENCES consultants (id),
    showroom_id          UUID          REFERENCES showrooms (id),
    starts_at            TIMESTAMPTZ   NOT NULL,
    ends_at              TIMESTAMPTZ   NOT NULL,
    status               VARCHAR(10)   NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW')),
    channel              VARCHAR(10)   NOT NULL DEFAULT 'WEB' CHECK (channel IN ('WEB', 'ADMIN')),
    notes                VARCHAR(1000),
    internal_notes       VARCHAR(2000),
    meeting_url          TEXT,
    send_notifications   BOOLEAN       NOT NULL DEFAULT true,
    confirmed_at         TIMESTAMPTZ,
    completed_at         TIMESTAMPTZ,
    cancelled_at         TIMESTAMPTZ,
    completed_by         VARCHAR(10),
    cancelled_by         VARCHAR(10),
    cancellation_reason  VARCHAR(500),
    reschedule_count     INT           NOT NULL DEFAULT 0,
    manage_token_hash    CHAR(64),
    created_by           UUID,
    updated_by           UUID,
    created_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ   NOT NULL DEFAULT now(),
    deleted_at           TIMESTAMPTZ,
    CHECK (for_kitchen OR for_bedroom),
    CHECK (appointment_type <> 'HOME_MEASUREMENT' OR customer_address IS NOT NULL OR deleted_at IS NOT NULL),
    CHECK ((appointment_type = 'SHOWROOM') = (showroom_id IS NOT NULL)),
    CONSTRAINT bookings_no_double_booking EXCLUDE USING gist (consultant_id WITH =, tstzrange(starts_at, ends_at, '[)') WITH &&)
        WHERE (status IN ('PENDING', 'CONFIRMED') AND deleted_at IS NULL)
);
CREATE UNIQUE INDEX bookings_active_slot_uq ON bookings (slot_id)
    WHERE status IN ('PENDING', 'CONFIRMED') AND deleted_at IS NULL;
CREATE INDEX bookings_status_start_idx ON bookings (status, starts_at);
CREATE INDEX bookings_type_idx ON bookings (appointment_type);
CREATE INDEX bookings_categories_idx ON bookings (for_kitchen, for_bedroom);
CREATE INDEX bookings_consultant_idx ON bookings (consultant_id, starts_at);
CREATE INDEX bookings_showroom_idx ON bookings (showroom_id);
CREATE INDEX bookings_user_idx ON bookings (user_id);
CREATE INDEX bookings_email_idx ON bookings (customer_email);
CREATE INDEX bookings_phone_idx ON bookings (customer_phone);
CREATE INDEX bookings_created_idx ON bookings (created_at);

CREATE TABLE booking_reschedules (
    id              UUID          PRIMARY KEY,
    booking_id      UUID          NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    from_slot_id    UUID          NOT NULL,
    to_slot_id      UUID          NOT NULL,
    from_starts_at  TIMESTAMPTZ   NOT NULL,
    to_starts_at    TIMESTAMPTZ   NOT NULL,
    reason          VARCHAR(500),
    rescheduled_by  VARCHAR(10)   NOT NULL,
    actor_user_id   UUID,
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX booking_reschedules_booking_idx ON booking_reschedules (booking_id);

CREATE TABLE reminders (
    id             UUID          PRIMARY KEY,
    booking_id     UUID          NOT NULL REFERENCES bookings (id) ON DELETE CASCADE,
    type           VARCHAR(20)   NOT NULL CHECK (type IN ('APPOINTMENT_24H', 'APPOINTMENT_1H', 'CUSTOM')),
    channel        VARCHAR(10)   NOT NULL CHECK (channel IN ('EMAIL', 'SMS', 'PUSH')),
    status         VARCHAR(10)   NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'SENT', 'FAILED', 'CANCELLED')),
    scheduled_for  TIMESTAMPTZ   NOT NULL,
    sent_at        TIMESTAMPTZ,
    delivered_at   TIMESTAMPTZ,
    recipient      VARCHAR(255)  NOT NULL,
    subject        VARCHAR(200),
    message        VARCHAR(1000),
    attempt        INT           NOT NULL DEFAULT 0 CHECK (attempt <= 3),
    last_error     TEXT,
    created_by     UUID,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX reminders_one_per_kind_uq ON reminders (booking_id, type, channel)
    WHERE type <> 'CUSTOM' AND status IN ('PENDING', 'SENT');
CREATE INDEX reminders_due_idx ON reminders (status, scheduled_for);
