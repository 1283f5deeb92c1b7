-- A command sent with an Idempotency-Key: written in the transaction that appends the command's events, so a
-- command is never applied with its key forgotten, nor its key kept without the command. Kept for a window (24 h).
CREATE TABLE idempotency_key (
    client_id       VARCHAR(100) NOT NULL,  -- keys are per client
    idempotency_key VARCHAR(200) NOT NULL,
    request_hash    VARCHAR(64)  NOT NULL,  -- SHA-256 of method, path and body
    result_type     VARCHAR(300),           -- what the command answered: its Java type...
    result          VARCHAR,                -- ...as JSON
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (client_id, idempotency_key)
);
CREATE INDEX idempotency_key_by_age ON idempotency_key (created_at);
