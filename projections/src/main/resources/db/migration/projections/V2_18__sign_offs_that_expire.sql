-- A job may say how long a sign-off lasts: the master list shows until when, and which sign-offs wait for their
-- job's systems librarians to recertify them (the recertification work queue).
ALTER TABLE projection_master_list ADD COLUMN valid_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE projection_master_list ADD COLUMN recertification_requested_at TIMESTAMP WITH TIME ZONE;
