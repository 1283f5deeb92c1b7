-- The code of the store's default institution (approval.institution.default-code), recorded at the first start after
-- this version: events and lookup rows name it, so a later start with another code is refused rather than taken as a
-- second institution. One row at most.
CREATE TABLE default_institution (
    code VARCHAR(40) NOT NULL PRIMARY KEY
);
