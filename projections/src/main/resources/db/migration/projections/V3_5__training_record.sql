-- The training record as each read model shows it (issue 32). Each keeps its own copy of the classes' titles
-- (TrainingClassRegistered; a class is never renamed). Events stored before this version carry classes, requirements
-- and attendance already, so the staff (2), tickets (2) and master list (3) shapes rise: a store that recorded an
-- older shape rebuilds them.

-- staff: who attended which class on which day, and who recorded it (GET /staff/{id}/attendance).
CREATE TABLE projection_staff_class (
    class_id VARCHAR(255)  NOT NULL PRIMARY KEY,
    title    VARCHAR(1000) NOT NULL
);
CREATE TABLE projection_staff_attendance (
    staff_id    VARCHAR(200) NOT NULL,
    class_id    VARCHAR(255) NOT NULL,
    attended_on DATE         NOT NULL,
    recorded_by VARCHAR(200),
    recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (staff_id, class_id, attended_on)
);

-- tickets: what a ticket still reading waits on (the classes its job requires that its requester has not attended),
-- worked out when asked, so a class added to a job later counts for every ticket that has not asked yet; and each
-- attendance as a step of the person's history (GET /staff/{id}/history): who recorded it, for which client, when.
CREATE TABLE projection_ticket_class (
    class_id              VARCHAR(255)  NOT NULL PRIMARY KEY,
    position              BIGINT        NOT NULL,
    title                 VARCHAR(1000) NOT NULL,
    required_of_every_job BOOLEAN       NOT NULL
);
CREATE TABLE projection_ticket_job_class (
    job_id   VARCHAR(200) NOT NULL,
    class_id VARCHAR(255) NOT NULL,
    position INTEGER      NOT NULL,
    PRIMARY KEY (job_id, class_id)
);
CREATE TABLE projection_ticket_attendance (
    staff_id    VARCHAR(200) NOT NULL,
    class_id    VARCHAR(255) NOT NULL,
    attended_on DATE         NOT NULL,
    seq         BIGINT       NOT NULL,  -- the event's sequence number in the person's history
    recorded_by VARCHAR(200),
    client      VARCHAR(200),
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (staff_id, class_id, attended_on)
);

-- master list: the training each sign-off rests on, as its request (JobAccessRequested) kept it.
CREATE TABLE projection_master_list_class (
    class_id VARCHAR(255)  NOT NULL PRIMARY KEY,
    title    VARCHAR(1000) NOT NULL
);
CREATE TABLE projection_master_list_training (
    ticket_id   VARCHAR(200)  NOT NULL,
    position    INTEGER       NOT NULL,
    class_id    VARCHAR(255)  NOT NULL,
    title       VARCHAR(1000) NOT NULL,
    attended_on DATE          NOT NULL,
    PRIMARY KEY (ticket_id, position)
);
