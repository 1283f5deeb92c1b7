-- Free text (reasons, notes, comments) may name people. An event refers to it here ({"text": ref}); it is erased
-- (text NULL) with its author or with the person it is about (the ticket's requester, the person a step concerns).
CREATE TABLE personal_text (
    ref       VARCHAR(40)  NOT NULL PRIMARY KEY,
    text      VARCHAR,
    author    VARCHAR(40),   -- a pseudonym
    subject   VARCHAR(40),   -- a pseudonym
    ticket_id VARCHAR(200),
    erased_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX personal_text_by_author ON personal_text (author);
CREATE INDEX personal_text_by_subject ON personal_text (subject);
