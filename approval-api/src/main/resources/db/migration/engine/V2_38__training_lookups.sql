-- The training record as the command side looks it up: the catalog's classes (TrainingClassRegistered), what a job
-- requires besides the classes of every job (JobRequiredClassesSet, a JSON array of class ids, NULL until set) and who
-- attended which class on which day (ClassAttended). The stores written before this version hold classes and
-- requirements already: V2_39 fills these tables from their events.
CREATE TABLE lookup_training_class (
    class_id              VARCHAR(200)  NOT NULL PRIMARY KEY,
    title                 VARCHAR(1000) NOT NULL,
    required_of_every_job BOOLEAN       NOT NULL,
    position              BIGINT        NOT NULL -- registration order
);

ALTER TABLE lookup_job ADD COLUMN required_classes TEXT;

CREATE TABLE lookup_attendance (
    staff_id    VARCHAR(200) NOT NULL,
    class_id    VARCHAR(200) NOT NULL,
    attended_on DATE         NOT NULL,
    PRIMARY KEY (staff_id, class_id, attended_on)
);
