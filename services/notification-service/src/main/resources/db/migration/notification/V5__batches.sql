-- spec 40 §1.2 notifications.batch_id: grouping of an admin bulk send
ALTER TABLE notifications ADD COLUMN batch_id varchar(255);
CREATE INDEX notifications_batch_idx ON notifications (batch_id) WHERE batch_id IS NOT NULL;
