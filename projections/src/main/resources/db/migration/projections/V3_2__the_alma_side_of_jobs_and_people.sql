-- A job's Alma side (JobAlmaSideSet): the Alma job and import profile ids it covers, the roles it needs in the
-- Sandbox and in production, as the AlmaSide JSON. NULL until one is set; no event before this version carries one,
-- so nothing is rebuilt.
ALTER TABLE projection_job ADD COLUMN alma_side VARCHAR;

-- A person's Alma primary id, the login they use in Alma: personal data, beside their display name in personal_data,
-- which the command side owns (engine V2_36 adds it there and keeps it unique); declared here because the staff view
-- shows it, read at read time like the name, so an erasure takes it from every answer at once.
ALTER TABLE personal_data ADD COLUMN IF NOT EXISTS alma_primary_id VARCHAR(255);
