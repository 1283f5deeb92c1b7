-- Webhooks, second part. A subscription may hear of some jobs or scopes only (JSON arrays, empty for all); each
-- delivery attempt records how long the receiver took; and the outbox keeps what it knows of each ticket (its job,
-- requester, support ticket and status) so every notification says which ticket it is about and who acts next. While
-- nobody subscribes it keeps nothing: facts found behind the event at hand are rebuilt from the event store.
ALTER TABLE webhook_subscription ADD COLUMN jobs VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE webhook_subscription ADD COLUMN scopes VARCHAR NOT NULL DEFAULT '[]';
ALTER TABLE webhook_delivery ADD COLUMN last_latency_ms INTEGER;

CREATE TABLE webhook_ticket (
    ticket_id          VARCHAR(200) NOT NULL PRIMARY KEY,
    job_id             VARCHAR(200) NOT NULL,
    variant            VARCHAR(200),
    staff_id           VARCHAR(200) NOT NULL,
    support_ticket_ref VARCHAR(200),
    status             VARCHAR(40)  NOT NULL,
    last_sequence      BIGINT       NOT NULL  -- the ticket's event these facts are as of; behind, they are rebuilt
);
