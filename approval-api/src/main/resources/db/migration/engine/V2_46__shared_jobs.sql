-- The consortium's shared catalog (SharedJobDefined, SharedJobChanged): each shared job's definition now and its
-- version; and which member jobs follow which shared job (SharedJobAdopted), by the member job's key, with the person
-- who adopted it: a new version is brought to the job on their standing instruction, as their change.
CREATE TABLE lookup_shared_job (
    shared_job_id VARCHAR(100) NOT NULL PRIMARY KEY,
    definition    VARCHAR      NOT NULL,
    version       INTEGER      NOT NULL
);

CREATE TABLE lookup_shared_job_adoption (
    job_key       VARCHAR(200) NOT NULL PRIMARY KEY,
    shared_job_id VARCHAR(100) NOT NULL,
    adopted_by    VARCHAR(200) NOT NULL
);
CREATE INDEX lookup_shared_job_adoption_by_shared_job ON lookup_shared_job_adoption (shared_job_id);
