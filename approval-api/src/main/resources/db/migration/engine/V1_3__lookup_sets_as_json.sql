-- A person's roles and liaison units become JSON arrays (Columns.names). Until now they were joined with ',' and a
-- newline, so a unit name holding a newline read back as two units. Units are escaped for JSON as they convert.

ALTER TABLE lookup_staff ALTER COLUMN roles SET DATA TYPE VARCHAR;
ALTER TABLE lookup_staff ALTER COLUMN liaison_units SET DATA TYPE VARCHAR;

UPDATE lookup_staff SET
    roles = CASE WHEN roles = '' THEN '[]' ELSE '["' || REPLACE(roles, ',', '","') || '"]' END,
    liaison_units = CASE WHEN liaison_units = '' THEN '[]'
        ELSE '["' || REPLACE(REPLACE(REPLACE(liaison_units, '\', '\\'), '"', '\"'), CHR(10), '","') || '"]' END;
