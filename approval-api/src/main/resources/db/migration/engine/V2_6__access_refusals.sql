-- Refused requests (401 and 403), for auditors: who (the client id, never more), what (the endpoint), why (the
-- problem code), counted per hour. The table is bounded: the keys come from small sets (clients, endpoints, codes)
-- and rows older than the retention window are deleted.
CREATE TABLE access_refusal (
    period_start TIMESTAMP WITH TIME ZONE NOT NULL,  -- the hour the attempts fell in
    principal    VARCHAR(100) NOT NULL,              -- a client id, 'anonymous', 'unknown-client' or 'bearer-token'
    endpoint     VARCHAR(100) NOT NULL,              -- e.g. 'POST /tickets/*/approval', or 'other'
    reason       VARCHAR(50)  NOT NULL,              -- the problem code, e.g. ACCESS_DENIED
    attempts     BIGINT       NOT NULL,
    first_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    last_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (period_start, principal, endpoint, reason)
);
