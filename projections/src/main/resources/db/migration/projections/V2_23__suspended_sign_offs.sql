-- A sign-off is suspended while its holder has not confirmed a new version of a required reading in time: off the
-- master list from suspended_at until reinstated_at (still, while NULL). The sign-off itself does not end.
CREATE TABLE projection_master_list_suspension (
    ticket_id     VARCHAR(200) NOT NULL,
    suspended_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    reinstated_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (ticket_id, suspended_at)
);
