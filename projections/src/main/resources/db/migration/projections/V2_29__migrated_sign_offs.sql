-- Sign-offs brought in from the master list kept before the engine: no reviewer on record where the old list names
-- none, and where each came from (the import run, the file, the line).
ALTER TABLE projection_master_list ALTER COLUMN approved_by DROP NOT NULL;
ALTER TABLE projection_master_list ADD COLUMN migrated_from VARCHAR;
