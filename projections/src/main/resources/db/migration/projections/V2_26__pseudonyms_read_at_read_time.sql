-- Owned by the command side, which creates it (V2_24); declared here because the read models read it: the staff
-- view shows each person's pseudonym, and an erasure is applied with the erased staff id kept aside in it.
CREATE TABLE IF NOT EXISTS staff_pseudonym (
    pseudonym       VARCHAR(40)  NOT NULL PRIMARY KEY,
    staff_id        VARCHAR(200) UNIQUE,
    legacy          BOOLEAN      NOT NULL,
    erased_at       TIMESTAMP WITH TIME ZONE,
    erased_staff_id VARCHAR(200)
);
