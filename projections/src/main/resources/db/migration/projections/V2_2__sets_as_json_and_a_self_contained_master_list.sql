-- Sets are JSON arrays (Columns.names), never values joined with a separator a user's input could contain; the
-- master list keeps its own copy of the catalog and of people's units. The reshaped read models start empty and
-- are rebuilt from the event store (V2_3 resets their tokens).

-- Owned by the command side, which creates it (V1_2); declared here because the read models join it at read time.
CREATE TABLE IF NOT EXISTS personal_data (
    staff_id     VARCHAR(200) NOT NULL PRIMARY KEY,
    display_name VARCHAR(500) NOT NULL
);

DROP TABLE projection_staff;
CREATE TABLE projection_staff (
    staff_id      VARCHAR(200) NOT NULL PRIMARY KEY,
    unit          VARCHAR(200),
    roles         VARCHAR      NOT NULL,  -- JSON array of Role names
    liaison_units VARCHAR      NOT NULL   -- JSON array of unit names
);

DELETE FROM projection_master_list;

CREATE TABLE projection_master_list_job (
    job_id   VARCHAR(200) NOT NULL PRIMARY KEY,
    position BIGINT       NOT NULL,      -- order of registration: the list keeps the catalog's order
    scope    VARCHAR(200) NOT NULL,
    name     VARCHAR(500) NOT NULL,
    notes    VARCHAR,
    variants VARCHAR      NOT NULL,      -- JSON array of variant names
    retired  BOOLEAN      NOT NULL
);

CREATE TABLE projection_master_list_person (
    staff_id VARCHAR(200) NOT NULL PRIMARY KEY,
    unit     VARCHAR(200)
);
