-- Alma's webhook notifications, each taken once: Alma retries a post until it is answered 2xx, with the same id.
-- What was received, and nothing of a person: a JOB_END's submitter is read again from the Sandbox API when needed.
CREATE TABLE alma_webhook_notification (
    notification_id VARCHAR(100) NOT NULL PRIMARY KEY,  -- Alma's id, the same on every retry
    action          VARCHAR(100) NOT NULL,              -- JOB_END, USER, NOTIFICATION, ...
    event           VARCHAR(100),                       -- event.value, when the action has one
    job_id          VARCHAR(100),                       -- a JOB_END's job_instance.job_info.id
    job_instance_id VARCHAR(100),                       -- a JOB_END's job_instance.id
    sent_at         TIMESTAMP WITH TIME ZONE,           -- Alma's time
    received_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX alma_webhook_notification_by_instance ON alma_webhook_notification (job_instance_id);
