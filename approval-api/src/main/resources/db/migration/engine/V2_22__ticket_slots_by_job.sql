-- A job's reading changes: every sign-off of the job is asked whether it rests on an older version.
CREATE INDEX lookup_ticket_slot_by_job ON lookup_ticket_slot (job_id);
