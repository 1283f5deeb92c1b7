-- A support ticket reference is unique among one institution's open tickets, not across a consortium's (two members'
-- ticketing systems both number theirs INC-0001, and the default institution's typed text may look like a member's
-- key): keyed by the prefix of the ticket's key ('' for the default institution's, as every row from before).
CREATE TABLE lookup_open_support_ticket_ref (
    institution        VARCHAR(41)  NOT NULL,
    support_ticket_ref VARCHAR(260) NOT NULL,
    ticket_id          VARCHAR(200) NOT NULL,
    PRIMARY KEY (institution, support_ticket_ref)
);
CREATE INDEX lookup_open_support_ticket_ref_by_ticket ON lookup_open_support_ticket_ref (ticket_id);

INSERT INTO lookup_open_support_ticket_ref (institution, support_ticket_ref, ticket_id)
SELECT '', support_ticket_ref, ticket_id FROM lookup_support_ticket_ref;

DROP TABLE lookup_support_ticket_ref;
