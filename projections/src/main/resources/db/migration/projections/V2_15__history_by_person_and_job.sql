-- The history of a person (every step they took, and every step of their own tickets) and of a job, in time order.
CREATE INDEX projection_ticket_history_by_time ON projection_ticket_history (occurred_at, ticket_id, seq);
CREATE INDEX projection_ticket_history_by_performer ON projection_ticket_history (performed_by);
CREATE INDEX projection_ticket_by_requester ON projection_ticket (staff_id);
CREATE INDEX projection_ticket_by_job ON projection_ticket (job_id);
