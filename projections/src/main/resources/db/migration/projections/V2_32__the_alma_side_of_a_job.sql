-- A job's Alma side (JobAlmaSideSet): the Alma job and import profile ids it covers, the roles it needs in the
-- Sandbox and in production, as the AlmaSide JSON. NULL until one is set; no event before this version carries one,
-- so nothing is rebuilt.
ALTER TABLE projection_job ADD COLUMN alma_side VARCHAR;
