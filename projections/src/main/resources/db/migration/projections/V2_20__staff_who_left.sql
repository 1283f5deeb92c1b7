-- The directory shows who left, and when.
ALTER TABLE projection_staff ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
