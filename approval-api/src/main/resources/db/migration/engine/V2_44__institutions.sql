-- The member institutions of a consortium's engine (InstitutionRegistered), besides the default institution, which
-- is in default_institution. shares_analytics: whether its numbers go into the consortium's shared analytics.
CREATE TABLE lookup_institution (
    code             VARCHAR(40)  NOT NULL PRIMARY KEY,
    name             VARCHAR(200) NOT NULL,
    registered_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    shares_analytics BOOLEAN      DEFAULT FALSE NOT NULL
);
