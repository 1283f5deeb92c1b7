-- Who a pseudonym stands for. The event store holds a person's pseudonym wherever it refers to them; this table,
-- beside personal_data, is the only place that leads back to their staff id (a login chosen from their name), and
-- erasing them cuts it. A person known before pseudonyms gets one at the next start (legacy: their own history is
-- keyed by their staff id, and events stored before hold it).
CREATE TABLE staff_pseudonym (
    pseudonym       VARCHAR(40)  NOT NULL PRIMARY KEY,  -- '~' and 20 hex digits: never a staff id's syntax
    staff_id        VARCHAR(200) UNIQUE,                -- null once erased
    legacy          BOOLEAN      NOT NULL,
    erased_at       TIMESTAMP WITH TIME ZONE,
    erased_staff_id VARCHAR(200)                        -- kept only until every read model handled the erasure
);
