-- payment helper (spec 20 §2.6 reconcile-payments): open attempts by last update, and the payment by charge
-- (disputes and refunds arrive with the charge id)
CREATE INDEX payments_open_updated_idx ON payments (updated_at)
    WHERE status IN ('PENDING', 'REQUIRES_ACTION', 'PROCESSING');
CREATE INDEX webhook_events_received_idx ON webhook_events (received_at) WHERE status = 'RECEIVED';
