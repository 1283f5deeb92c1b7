-- The open ticket each support ticket of the ticketing system belongs to (one at most). Filled from the tickets
-- read model for the tickets already open: the first of any that share a reference keeps it.
CREATE TABLE lookup_support_ticket_ref (
    support_ticket_ref VARCHAR(200) NOT NULL PRIMARY KEY,
    ticket_id          VARCHAR(200) NOT NULL
);
CREATE INDEX lookup_support_ticket_ref_by_ticket ON lookup_support_ticket_ref (ticket_id);

INSERT INTO lookup_support_ticket_ref (support_ticket_ref, ticket_id)
SELECT support_ticket_ref, MIN(ticket_id) FROM projection_ticket
WHERE support_ticket_ref IS NOT NULL
  AND status IN ('AWAITING_SANDBOX_GRANT', 'AWAITING_TEST', 'AWAITING_REVIEW', 'AWAITING_ROLE_REQUEST',
                 'AWAITING_ROLE_UPDATE')
GROUP BY support_ticket_ref;
