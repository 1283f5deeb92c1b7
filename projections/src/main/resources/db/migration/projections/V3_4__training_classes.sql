-- The training classes of the catalog (TrainingClassRegistered), in registration order; one required of every job
-- applies to every job without being named. A new table: nothing is rebuilt.
CREATE TABLE projection_training_class (
    class_id VARCHAR(255) PRIMARY KEY,
    position BIGINT NOT NULL,
    title VARCHAR(1000) NOT NULL,
    functional_area VARCHAR(1000) NOT NULL,
    required_of_every_job BOOLEAN NOT NULL
);

-- The classes a job requires besides those (JobRequiredClassesSet), as a JSON array of class ids. NULL until set;
-- no event before this version carries one, so the catalog's shape stays 1.
ALTER TABLE projection_job ADD COLUMN required_classes VARCHAR;
