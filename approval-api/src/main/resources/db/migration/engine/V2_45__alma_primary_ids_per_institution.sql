-- An Alma primary id is unique within one institution's Alma, not across a consortium's members (two libraries may
-- both have a user 'jsmith'): the person's aggregate keeps it unique within the institution, and the index only finds.
DROP INDEX personal_data_alma_primary_id;
CREATE INDEX personal_data_by_alma_primary_id ON personal_data (alma_primary_id);
