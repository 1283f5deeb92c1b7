-- The ledger: every stored event sealed in the store's global order, each seal the SHA-256 of the event's stored
-- form and of the seal before it (the chain is defined in ledger-verifier's ChainHash). One row holds the head: the
-- last seal, locked by the one node sealing at a time. Seals are only ever added.
CREATE TABLE ledger_head (
    id           INTEGER      NOT NULL PRIMARY KEY,
    position     BIGINT       NOT NULL,
    global_index BIGINT       NOT NULL,
    hash         CHAR(64)     NOT NULL,
    sealed_at    TIMESTAMP WITH TIME ZONE
);
INSERT INTO ledger_head (id, position, global_index, hash)
VALUES (1, 0, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE ledger_seal (
    position     BIGINT   NOT NULL PRIMARY KEY,
    global_index BIGINT   NOT NULL UNIQUE,
    event_time   TIMESTAMP WITH TIME ZONE NOT NULL, -- the event's own time, for exports of a time range
    hash         CHAR(64) NOT NULL
);
CREATE INDEX ledger_seal_by_event_time ON ledger_seal (event_time);
