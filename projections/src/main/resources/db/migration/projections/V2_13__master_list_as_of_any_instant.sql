-- The master list keeps every sign-off it ever listed, with when it ended, how and why: the list as of any instant
-- and each person's intervals of permission. Each entry carries the Sandbox test report its approval rests on. The
-- reshaped read model starts empty and is rebuilt from the event store (V2_14 resets its token).
DELETE FROM projection_master_list;
DELETE FROM projection_master_list_job;
DELETE FROM projection_master_list_person;

ALTER TABLE projection_master_list ADD COLUMN role_updated_at TIMESTAMP WITH TIME ZONE;
-- the Sandbox test report the approval rests on (the last one before it)
ALTER TABLE projection_master_list ADD COLUMN test_job_instance VARCHAR(200);
ALTER TABLE projection_master_list ADD COLUMN test_records BIGINT;
ALTER TABLE projection_master_list ADD COLUMN test_outcome VARCHAR(40);
ALTER TABLE projection_master_list ADD COLUMN test_attachments VARCHAR;  -- JSON array of links
ALTER TABLE projection_master_list ADD COLUMN test_notes VARCHAR;
ALTER TABLE projection_master_list ADD COLUMN test_reported_by VARCHAR(200);
ALTER TABLE projection_master_list ADD COLUMN test_reported_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE projection_master_list ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE projection_master_list ADD COLUMN ended_by VARCHAR(200);
ALTER TABLE projection_master_list ADD COLUMN ended_how VARCHAR(40);   -- REVOKED, WITHDRAWN
ALTER TABLE projection_master_list ADD COLUMN end_reason VARCHAR;
CREATE INDEX projection_master_list_by_approval ON projection_master_list (approved_at, ended_at);
CREATE INDEX projection_master_list_by_person ON projection_master_list (staff_id, job_id);

ALTER TABLE projection_master_list_job ADD COLUMN registered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE projection_master_list_job ADD COLUMN retired_at TIMESTAMP WITH TIME ZONE;

-- the latest Sandbox test report of each ticket not yet approved
CREATE TABLE projection_master_list_test (
    ticket_id         VARCHAR(200) NOT NULL PRIMARY KEY,
    test_job_instance VARCHAR(200) NOT NULL,
    test_records      BIGINT       NOT NULL,
    test_outcome      VARCHAR(40)  NOT NULL,
    test_attachments  VARCHAR      NOT NULL,
    test_notes        VARCHAR,
    test_reported_by  VARCHAR(200) NOT NULL,
    test_reported_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
