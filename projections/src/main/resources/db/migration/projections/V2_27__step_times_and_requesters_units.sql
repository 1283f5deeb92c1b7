-- Work queues and step statistics: each ticket says since when it waits on its step, and the tickets read model
-- keeps its own copy of requesters' units (a liaison's queue) and of jobs' scopes. Rebuilt from the event store
-- (V2_28 resets its token).
DELETE FROM projection_ticket_history;
DELETE FROM projection_ticket;
ALTER TABLE projection_ticket ADD COLUMN status_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX projection_ticket_by_wait ON projection_ticket (status, status_since, ticket_id);

CREATE TABLE projection_ticket_person (
    staff_id VARCHAR(200) NOT NULL PRIMARY KEY,
    unit     VARCHAR(200)
);

CREATE TABLE projection_ticket_job (
    job_id VARCHAR(200) NOT NULL PRIMARY KEY,
    scope  VARCHAR(200) NOT NULL,
    name   VARCHAR(500) NOT NULL
);
