-- Each institution's Alma and wiki page (issue 33). A member's page has a row of its own in wiki_publication, found
-- by its code (the default institution's stays row 1, without one). A member's Alma notification ids are kept
-- keyed by its code, as its other ids: the column grows by the longest prefix.
ALTER TABLE wiki_publication ADD COLUMN institution VARCHAR(40);
CREATE UNIQUE INDEX wiki_publication_institution ON wiki_publication (institution);
ALTER TABLE alma_webhook_notification ALTER COLUMN notification_id SET DATA TYPE VARCHAR(150);
