-- The institution an API client belongs to, and every request with its key acts within (from the metadata of its
-- ApiClientRegistered). NULL: the default institution (approval.institution.default-code), as every client
-- registered before institutions.
ALTER TABLE lookup_api_client ADD COLUMN institution VARCHAR(40);
