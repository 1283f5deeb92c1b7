-- A person who left acts no more: the command side's directory knows since when.
ALTER TABLE lookup_staff ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
