-- spec 40 §1.2 template columns used by templates written through the admin API (system templates are files)
ALTER TABLE notification_templates ADD COLUMN preheader varchar(255);
ALTER TABLE notification_templates ADD COLUMN sms_from varchar(20);
ALTER TABLE notification_templates ADD COLUMN push_icon text;
ALTER TABLE notification_templates ADD COLUMN push_image text;
ALTER TABLE notification_templates ADD COLUMN push_data jsonb;
ALTER TABLE notification_templates ADD COLUMN created_by uuid;
ALTER TABLE notification_templates ADD COLUMN updated_by uuid;
ALTER TABLE notification_template_versions ADD COLUMN preheader varchar(255);
ALTER TABLE notification_template_versions ADD COLUMN created_by uuid;
CREATE INDEX notification_templates_status_idx ON notification_templates (status);
