-- Recertification campaigns started on demand (for a job or a scope, after an audit, say): each sign-off asked, and
-- what became of it (recertified, or ended: revoked, withdrawn, lapsed, its requester left).
CREATE TABLE projection_recertification_campaign (
    campaign_id VARCHAR(200) NOT NULL,
    ticket_id   VARCHAR(200) NOT NULL,
    staff_id    VARCHAR(200) NOT NULL,
    job_id      VARCHAR(200) NOT NULL,
    reason      VARCHAR,
    asked_by    VARCHAR(200),
    asked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    outcome     VARCHAR(40),              -- RECERTIFIED, or how the sign-off ended; NULL while pending
    decided_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (campaign_id, ticket_id)
);
CREATE INDEX projection_recertification_campaign_by_ticket ON projection_recertification_campaign (ticket_id);
