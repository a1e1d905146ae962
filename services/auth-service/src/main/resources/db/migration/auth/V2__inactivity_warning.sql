-- deactivate-inactive-users job (spec 10 §2.7): the inactivity warning is sent once per idle period.
ALTER TABLE users ADD COLUMN inactivity_warning_sent_at timestamptz;
CREATE INDEX users_inactive_customers_idx ON users (coalesce(last_login_at, created_at))
    WHERE role = 'CUSTOMER' AND status = 'ACTIVE';
