-- What the command side looks up while deciding. Kept in step with the events by a subscribing processor, in the
-- transaction that appends them.

CREATE TABLE lookup_job (
    job_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    definition TEXT         NOT NULL,   -- the JobDefinition as JSON
    retired    BOOLEAN      NOT NULL
);

CREATE TABLE lookup_staff (
    staff_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    unit          VARCHAR(200),
    roles         VARCHAR(500) NOT NULL, -- comma separated Role names
    liaison_units VARCHAR(2000) NOT NULL -- newline separated unit names
);

-- one open ticket per staff member, job and variant ('' for none)
CREATE TABLE lookup_ticket_slot (
    staff_id  VARCHAR(200) NOT NULL,
    job_id    VARCHAR(200) NOT NULL,
    variant   VARCHAR(200) NOT NULL,
    ticket_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (staff_id, job_id, variant)
);
CREATE INDEX lookup_ticket_slot_by_ticket ON lookup_ticket_slot (ticket_id);

-- Personal data, kept out of the events so it can be erased without rewriting history.
CREATE TABLE personal_data (
    staff_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    display_name VARCHAR(500) NOT NULL
);
