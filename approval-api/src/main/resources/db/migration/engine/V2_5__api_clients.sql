-- Who may call the engine. lookup_api_client follows the ApiClient events (a subscribing processor); the hashes
-- of the secrets are kept apart, never in an event, and a revoked client is refused from the next request on.

CREATE TABLE lookup_api_client (
    client_id       VARCHAR(100) NOT NULL PRIMARY KEY,
    name            VARCHAR(200) NOT NULL,
    staff_id        VARCHAR(200),            -- a person's own key; null for an integration
    operations      VARCHAR      NOT NULL,   -- JSON array of Operation names
    acts_for_anyone BOOLEAN      NOT NULL,
    acts_for_units  VARCHAR      NOT NULL,   -- JSON array of unit names
    revoked         BOOLEAN      NOT NULL
);

CREATE TABLE api_client_secret (
    client_id            VARCHAR(100) NOT NULL PRIMARY KEY,
    secret_hash          VARCHAR(64)  NOT NULL,  -- SHA-256, hex
    previous_hash        VARCHAR(64),            -- the secret before the last rotation...
    previous_valid_until TIMESTAMP WITH TIME ZONE -- ...valid until then
);
