-- auth-service schema (spec 10 §2.1). Enums are text columns with CHECK constraints.
-- The outbox, inbox and idempotency tables come from the platform migrations (classpath:db/platform).

CREATE EXTENSION IF NOT EXISTS citext;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE users (
    id                          uuid PRIMARY KEY,
    email                       citext      NOT NULL UNIQUE,
    email_verified              boolean     NOT NULL DEFAULT false,
    email_verified_at           timestamptz,
    phone_number                text UNIQUE,
    phone_verified              boolean     NOT NULL DEFAULT false,
    phone_verified_at           timestamptz,
    first_name                  text        NOT NULL,
    last_name                   text        NOT NULL,
    display_name                text,
    avatar_url                  text,
    password_hash               text,
    auth_provider               text        NOT NULL DEFAULT 'EMAIL'
        CHECK (auth_provider IN ('EMAIL', 'GOOGLE', 'FACEBOOK', 'APPLE', 'GITHUB')),
    provider_id                 text,
    role                        text        NOT NULL DEFAULT 'CUSTOMER'
        CHECK (role IN ('SUPER_ADMIN', 'ADMIN', 'CONSULTANT', 'CUSTOMER')),
    status                      text        NOT NULL DEFAULT 'PENDING_VERIFICATION'
        CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE', 'INACTIVE', 'SUSPENDED', 'DELETED')),
    status_reason               text,
    mfa_enabled                 boolean     NOT NULL DEFAULT false,
    mfa_method                  text CHECK (mfa_method IN ('TOTP', 'EMAIL_OTP', 'SMS_OTP', 'BACKUP_CODE')),
    mfa_enrolled_at             timestamptz,
    failed_login_attempts       int         NOT NULL DEFAULT 0,
    last_failed_login_at        timestamptz,
    failure_window_started_at   timestamptz,
    failures_in_window          int         NOT NULL DEFAULT 0,
    lockout_count               int         NOT NULL DEFAULT 0,
    last_locked_at              timestamptz,
    locked_until                timestamptz,
    last_login_at               timestamptz,
    last_login_ip               text,
    last_activity_at            timestamptz,
    password_changed_at         timestamptz,
    force_password_reset        boolean     NOT NULL DEFAULT false,
    created_at                  timestamptz NOT NULL,
    updated_at                  timestamptz NOT NULL,
    deleted_at                  timestamptz,
    created_by                  uuid,
    updated_by                  uuid
);
CREATE INDEX users_status_idx ON users (status);
CREATE INDEX users_role_idx ON users (role);
CREATE INDEX users_provider_idx ON users (auth_provider, provider_id);
CREATE INDEX users_deleted_at_idx ON users (deleted_at);
CREATE INDEX users_last_activity_idx ON users (last_activity_at);
CREATE INDEX users_created_at_idx ON users (created_at);
CREATE INDEX users_active_email_idx ON users (email) WHERE status = 'ACTIVE' AND deleted_at IS NULL;
CREATE INDEX users_first_name_trgm_idx ON users USING gin (first_name gin_trgm_ops);
CREATE INDEX users_last_name_trgm_idx ON users USING gin (last_name gin_trgm_ops);
CREATE INDEX users_email_trgm_idx ON users USING gin ((email::text) gin_trgm_ops);

CREATE TABLE roles (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    slug        text        NOT NULL UNIQUE,
    description text,
    type        text        NOT NULL DEFAULT 'CUSTOM' CHECK (type IN ('SYSTEM', 'CUSTOM')),
    is_default  boolean     NOT NULL DEFAULT false,
    is_active   boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    created_by  uuid,
    updated_by  uuid
);
CREATE INDEX roles_is_active_idx ON roles (is_active);
CREATE INDEX roles_is_default_idx ON roles (is_default);
CREATE INDEX roles_deleted_at_idx ON roles (deleted_at);
INSERT INTO roles (id, name, slug, description, type, is_default) VALUES
    ('00000000-0000-4000-8000-000000000001', 'Super admin', 'super-admin', 'Platform role SUPER_ADMIN', 'SYSTEM', false),
    ('00000000-0000-4000-8000-000000000002', 'Admin', 'admin', 'Platform role ADMIN', 'SYSTEM', false),
    ('00000000-0000-4000-8000-000000000003', 'Consultant', 'consultant', 'Platform role CONSULTANT', 'SYSTEM', false),
    ('00000000-0000-4000-8000-000000000004', 'Customer', 'customer', 'Platform role CUSTOMER', 'SYSTEM', true);

CREATE TABLE permissions (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL UNIQUE,
    slug        text        NOT NULL UNIQUE,
    resource    text        NOT NULL,
    action      text        NOT NULL,
    description text,
    is_active   boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    UNIQUE (resource, action)
);
CREATE INDEX permissions_resource_idx ON permissions (resource);
CREATE INDEX permissions_is_active_idx ON permissions (is_active);

CREATE TABLE role_permissions (
    id            uuid PRIMARY KEY,
    role_id       uuid        NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    permission_id uuid        NOT NULL REFERENCES permissions (id) ON DELETE CASCADE,
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    uuid,
    UNIQUE (role_id, permission_id)
);
CREATE INDEX role_permissions_permission_idx ON role_permissions (permission_id);

CREATE TABLE user_roles (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role_id     uuid        NOT NULL REFERENCES roles (id) ON DELETE CASCADE,
    assigned_at timestamptz NOT NULL DEFAULT now(),
    assigned_by uuid,
    expires_at  timestamptz,
    UNIQUE (user_id, role_id)
);
CREATE INDEX user_roles_role_idx ON user_roles (role_id);
CREATE INDEX user_roles_expires_idx ON user_roles (expires_at) WHERE expires_at IS NOT NULL;

CREATE TABLE sessions (
    id                  uuid PRIMARY KEY,
    user_id             uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ip_address          text,
    user_agent          text,
    device_id           text,
    location            text,
    device_type         text,
    browser             text,
    os                  text,
    is_active           boolean     NOT NULL DEFAULT true,
    expires_at          timestamptz NOT NULL,
    absolute_expires_at timestamptz NOT NULL,
    last_access_at      timestamptz NOT NULL,
    revoked_at          timestamptz,
    revoked_reason      text,
    mfa_verified        boolean     NOT NULL DEFAULT false,
    mfa_verified_at     timestamptz,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX sessions_user_idx ON sessions (user_id);
CREATE INDEX sessions_is_active_idx ON sessions (is_active);
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX sessions_created_idx ON sessions (created_at);
CREATE INDEX sessions_user_active_idx ON sessions (user_id, is_active);
CREATE INDEX sessions_live_idx ON sessions (user_id, expires_at) WHERE is_active AND revoked_at IS NULL;

CREATE TABLE refresh_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash  text        NOT NULL UNIQUE,
    family      text        NOT NULL,
    generation  int         NOT NULL DEFAULT 1,
    is_used     boolean     NOT NULL DEFAULT false,
    is_revoked  boolean     NOT NULL DEFAULT false,
    used_at     timestamptz,
    revoked_at  timestamptz,
    expires_at  timestamptz NOT NULL,
    ip_address  text,
    user_agent  text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family);
CREATE INDEX refresh_tokens_revoked_idx ON refresh_tokens (is_revoked);
CREATE INDEX refresh_tokens_expires_idx ON refresh_tokens (expires_at);
CREATE INDEX refresh_tokens_user_revoked_idx ON refresh_tokens (user_id, is_revoked);

CREATE TABLE password_reset_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose     text        NOT NULL DEFAULT 'RESET' CHECK (purpose IN ('RESET', 'INVITE')),
    token_hash  text        NOT NULL UNIQUE,
    is_used     boolean     NOT NULL DEFAULT false,
    used_at     timestamptz,
    expires_at  timestamptz NOT NULL,
    ip_address  text,
    created_at  timestamptz NOT NULL
);
CREATE INDEX password_reset_tokens_user_idx ON password_reset_tokens (user_id);
CREATE INDEX password_reset_tokens_expires_idx ON password_reset_tokens (expires_at);
CREATE INDEX password_reset_tokens_unused_idx ON password_reset_tokens (user_id) WHERE is_used = false;

CREATE TABLE email_verification_tokens (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    email       citext      NOT NULL,
    token_hash  text        NOT NULL UNIQUE,
    is_used     boolean     NOT NULL DEFAULT false,
    used_at     timestamptz,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX email_verification_tokens_user_idx ON email_verification_tokens (user_id);
CREATE INDEX email_verification_tokens_email_idx ON email_verification_tokens (email);
CREATE INDEX email_verification_tokens_expires_idx ON email_verification_tokens (expires_at);

CREATE TABLE otp_secrets (
    id             uuid PRIMARY KEY,
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    method         text        NOT NULL CHECK (method IN ('TOTP', 'EMAIL_OTP', 'SMS_OTP', 'BACKUP_CODE')),
    secret         text        NOT NULL,
    is_verified    boolean     NOT NULL DEFAULT false,
    verified_at    timestamptz,
    is_active      boolean     NOT NULL DEFAULT false,
    disabled_at    timestamptz,
    last_used_step bigint,
    created_at     timestamptz NOT NULL,
    updated_at     timestamptz NOT NULL,
    UNIQUE (user_id, method)
);
CREATE INDEX otp_secrets_active_idx ON otp_secrets (user_id) WHERE is_active = true;

CREATE TABLE backup_codes (
    id          uuid PRIMARY KEY,
    user_id     uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    code_hash   text        NOT NULL,
    is_used     boolean     NOT NULL DEFAULT false,
    used_at     timestamptz,
    created_at  timestamptz NOT NULL
);
CREATE INDEX backup_codes_unused_idx ON backup_codes (user_id, is_used) WHERE is_used = false;

CREATE TABLE token_blacklist (
    id          uuid PRIMARY KEY,
    token_hash  text        NOT NULL UNIQUE,
    token_type  text        NOT NULL CHECK (token_type IN
        ('ACCESS', 'REFRESH', 'PASSWORD_RESET', 'EMAIL_VERIFICATION', 'MAGIC_LINK', 'INVITE')),
    user_id     uuid,
    reason      text,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE INDEX token_blacklist_expires_idx ON token_blacklist (expires_at);
CREATE INDEX token_blacklist_type_idx ON token_blacklist (token_type);
CREATE INDEX token_blacklist_user_idx ON token_blacklist (user_id) WHERE user_id IS NOT NULL;

CREATE TABLE audit_logs (
    id           uuid PRIMARY KEY,
    user_id      uuid REFERENCES users (id) ON DELETE SET NULL,
    actor_id     uuid,
    actor_role   text,
    session_id   uuid,
    action       text        NOT NULL,
    resource     text,
    resource_id  text,
    ip_address   text,
    user_agent   text,
    request_id   text,
    metadata     jsonb,
    success      boolean     NOT NULL DEFAULT true,
    error_code   text,
    error_msg    text,
    created_at   timestamptz NOT NULL
);
CREATE INDEX audit_logs_user_idx ON audit_logs (user_id);
CREATE INDEX audit_logs_action_idx ON audit_logs (action);
CREATE INDEX audit_logs_resource_idx ON audit_logs (resource, resource_id);
CREATE INDEX audit_logs_ip_idx ON audit_logs (ip_address);
CREATE INDEX audit_logs_created_idx ON audit_logs (created_at);
CREATE INDEX audit_logs_success_idx ON audit_logs (success);
CREATE INDEX audit_logs_user_action_idx ON audit_logs (user_id, action);
CREATE INDEX audit_logs_created_action_idx ON audit_logs (created_at, action);
CREATE INDEX audit_logs_metadata_idx ON audit_logs USING gin (metadata);

CREATE TABLE login_history (
    id          uuid PRIMARY KEY,
    user_id     uuid REFERENCES users (id) ON DELETE SET NULL,
    email       citext      NOT NULL,
    status      text        NOT NULL CHECK (status IN ('SUCCESS', 'FAILED', 'BLOCKED', 'LOCKED_ACCOUNT')),
    ip_address  text,
    user_agent  text,
    location    text,
    reason      text,
    metadata    jsonb,
    created_at  timestamptz NOT NULL
);
CREATE INDEX login_history_user_idx ON login_history (user_id);
CREATE INDEX login_history_email_idx ON login_history (email);
CREATE INDEX login_history_status_idx ON login_history (status);
CREATE INDEX login_history_created_idx ON login_history (created_at);

CREATE TABLE password_history (
    id            uuid PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    password_hash text        NOT NULL,
    created_at    timestamptz NOT NULL
);
CREATE INDEX password_history_user_idx ON password_history (user_id);
CREATE INDEX password_history_created_idx ON password_history (created_at);

-- Secret-carrying messages (verification link + code, reset link) waiting to be handed to the mail
-- channel. The row (and with it the secret) is deleted as soon as the send succeeds.
CREATE TABLE pending_credential_messages (
    id              uuid PRIMARY KEY,
    template_slug   text        NOT NULL,
    user_id         uuid REFERENCES users (id) ON DELETE CASCADE,
    recipient_email citext      NOT NULL,
    variables       jsonb       NOT NULL,
    attempts        int         NOT NULL DEFAULT 0,
    last_error      text,
    next_attempt_at timestamptz NOT NULL,
    discard_after   timestamptz NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX pending_credential_messages_due_idx ON pending_credential_messages (next_attempt_at);
