-- Webhooks sign as Standard Webhooks does, with every secret a subscription has in use: its current one and, for the
-- overlap of a rotation, the ones before it (each post then carries a signature by each). A secret is kept as given:
-- `whsec_` and the base64 of the key; one given before this version is plain text whose UTF-8 bytes stay its key, so
-- its receivers verify as before, now with the standard scheme.
CREATE TABLE webhook_secret (
    subscription_id VARCHAR(100) NOT NULL,
    secret          VARCHAR(200) NOT NULL,
    plain           BOOLEAN      NOT NULL,   -- given before this version: the key is the UTF-8 bytes of the text
    added_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    retires_at      TIMESTAMP WITH TIME ZONE,  -- NULL for the current secret; past it, a replaced one signs no more
    PRIMARY KEY (subscription_id, added_at)
);

INSERT INTO webhook_secret (subscription_id, secret, plain, added_at, retires_at)
SELECT subscription_id, secret, TRUE, created_at, NULL FROM webhook_subscription;

ALTER TABLE webhook_subscription DROP COLUMN secret;
