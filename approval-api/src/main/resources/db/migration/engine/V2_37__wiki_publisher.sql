-- The wiki publisher (issue 32): where the publication of the master list to the Confluence page stands. One row:
-- one page. The processor counts the list's changes; a node publishing holds the lease and records the outcome.
CREATE TABLE wiki_publication (
    publication_id      INT NOT NULL PRIMARY KEY,           -- always 1
    changes             BIGINT NOT NULL,                    -- changes to the list seen, from the event stream
    published_changes   BIGINT NOT NULL,                    -- the count the last publication read the list at
    pending_since       TIMESTAMP WITH TIME ZONE,           -- the first change not published: its burst's start
    publish_requested_at TIMESTAMP WITH TIME ZONE,          -- an administrator asked to publish now, then
    stopped             BOOLEAN NOT NULL,                   -- a failure that waits for a person (no markers, 401)
    attempts            INT NOT NULL,                       -- failed attempts since the last publication
    next_attempt_at     TIMESTAMP WITH TIME ZONE,           -- not before: the backoff, or Confluence's Retry-After
    lease_until         TIMESTAMP WITH TIME ZONE,           -- the node publishing holds the row until then
    last_published_at   TIMESTAMP WITH TIME ZONE,
    page_id             VARCHAR(20),                        -- the page the engine wrote last
    page_version        INT,                                -- the version of it the engine wrote (or found current)
    last_failure_at     TIMESTAMP WITH TIME ZONE,
    last_failure_code   VARCHAR(60),
    last_failure_status INT,                                -- Confluence's HTTP status, when it answered
    last_failure_detail VARCHAR(1000)
);
INSERT INTO wiki_publication (publication_id, changes, published_changes, stopped, attempts) VALUES (1, 0, 0, FALSE, 0);
