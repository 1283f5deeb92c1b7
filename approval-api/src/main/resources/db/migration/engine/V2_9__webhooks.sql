-- Webhooks: who is told of step changes, and the outbox of what to tell them. Outbox rows are written by a tracking
-- processor in the transaction that also moves its token, so a notification is neither lost nor made twice.
CREATE TABLE webhook_subscription (
    subscription_id VARCHAR(100)  NOT NULL PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    secret          VARCHAR(200)  NOT NULL,   -- the HMAC key; it signs, so it is kept as given
    events          VARCHAR       NOT NULL,   -- JSON array of event kinds, empty for all
    active          BOOLEAN       NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE webhook_delivery (
    notification_id VARCHAR(200) NOT NULL,    -- the event's id: the same on every retry
    subscription_id VARCHAR(100) NOT NULL,
    payload         VARCHAR      NOT NULL,
    status          VARCHAR(20)  NOT NULL,    -- PENDING, DELIVERED, PARKED
    attempts        INTEGER      NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_status     INTEGER,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (notification_id, subscription_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
