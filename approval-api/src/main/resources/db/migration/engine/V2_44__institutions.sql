-- The member institutions of a consortium's engine (InstitutionRegistered), besides the default institution, which
-- is in default_institution.
CREATE TABLE lookup_institution (
    code          VARCHAR(40)  NOT NULL PRIMARY KEY,
    name          VARCHAR(200) NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Whether an institution's numbers go into the consortium's shared analytics (AnalyticsSharingSet); an institution
-- without a row does not share.
CREATE TABLE lookup_analytics_sharing (
    code   VARCHAR(40) NOT NULL PRIMARY KEY,
    shares BOOLEAN     NOT NULL
);
