-- Each real run of a master-list import: who ran it, when, which file (its SHA-256) and what became of its lines.
-- Each sign-off it brought in names the run in its event (SignOffMigrated.source).
CREATE TABLE master_list_import (
    run_id            VARCHAR(100) NOT NULL PRIMARY KEY,
    performed_by      VARCHAR(200) NOT NULL,
    at                TIMESTAMP WITH TIME ZONE NOT NULL,
    file_name         VARCHAR(500),
    sha256            VARCHAR(64)  NOT NULL,
    lines             INTEGER      NOT NULL,
    imported          INTEGER      NOT NULL,
    warnings          INTEGER      NOT NULL,
    already_listed    INTEGER      NOT NULL,
    nothing_to_import INTEGER      NOT NULL,
    refused           INTEGER      NOT NULL
);
