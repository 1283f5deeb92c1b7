-- A person's Alma primary id (the login they use in Alma) is personal data: it sits beside their display name, out
-- of the events, and an erasure deletes it with the row. The read models' V3_2 adds it too (IF NOT EXISTS).
-- Two people never hold the same one: the command side checks first (letter case aside, as Alma matches it) and
-- refuses with ALMA_PRIMARY_ID_IN_USE; the index holds it against two administrators at the same moment.
ALTER TABLE personal_data ADD COLUMN IF NOT EXISTS alma_primary_id VARCHAR(255);
CREATE UNIQUE INDEX personal_data_alma_primary_id ON personal_data (alma_primary_id);

-- A job's Alma side (JobAlmaSideSet) as the command side looks it up, for the steps that will act in Alma: the
-- AlmaSide JSON, NULL until one is set; no event before this version carries one, so nothing is rebuilt.
ALTER TABLE lookup_job ADD COLUMN alma_side TEXT;
