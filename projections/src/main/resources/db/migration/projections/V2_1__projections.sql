-- Query models. Each is rebuilt from the event store by resetting its processor: its reset handler empties it.

CREATE TABLE projection_ticket (
    ticket_id          VARCHAR(200) NOT NULL PRIMARY KEY,
    staff_id           VARCHAR(200) NOT NULL,
    job_id             VARCHAR(200) NOT NULL,
    variant            VARCHAR(200),
    status             VARCHAR(40)  NOT NULL,
    support_ticket_ref VARCHAR(200),
    opened_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX projection_ticket_by_status ON projection_ticket (status, updated_at);

CREATE TABLE projection_ticket_history (
    ticket_id    VARCHAR(200) NOT NULL,
    seq          BIGINT       NOT NULL,  -- the event's sequence number in the ticket's stream
    event_type   VARCHAR(100) NOT NULL,
    performed_by VARCHAR(200),
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status_after VARCHAR(40)  NOT NULL,
    details      TEXT         NOT NULL,  -- the event's own data, as JSON
    PRIMARY KEY (ticket_id, seq)
);

CREATE TABLE projection_job (
    job_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    position   BIGINT       NOT NULL,    -- order of registration: the master list keeps the catalog's order
    scope      VARCHAR(200) NOT NULL,
    name       VARCHAR(500) NOT NULL,
    definition TEXT         NOT NULL,    -- the JobDefinition as JSON
    retired    BOOLEAN      NOT NULL
);

CREATE TABLE projection_staff (
    staff_id      VARCHAR(200)  NOT NULL PRIMARY KEY,
    unit          VARCHAR(200),
    roles         VARCHAR(500)  NOT NULL,
    liaison_units VARCHAR(2000) NOT NULL
);

CREATE TABLE projection_master_list (
    ticket_id    VARCHAR(200) NOT NULL PRIMARY KEY,
    staff_id     VARCHAR(200) NOT NULL,
    job_id       VARCHAR(200) NOT NULL,
    variant      VARCHAR(200),
    role_pending BOOLEAN      NOT NULL,
    approved_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by  VARCHAR(200) NOT NULL
);
CREATE INDEX projection_master_list_by_job ON projection_master_list (job_id, variant);
