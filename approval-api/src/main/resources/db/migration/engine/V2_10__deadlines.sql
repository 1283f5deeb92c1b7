-- Deadlines: db-scheduler's table, where Axon's DbSchedulerDeadlineManager keeps every reminder and limit of a
-- ticket's wait. A deadline is written in the transaction of the command that sets it, and a node takes it with a
-- versioned update, so it fires once however many nodes poll.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(250) NOT NULL,
    task_instance        VARCHAR(250) NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN      NOT NULL,
    picked_by            VARCHAR(50),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INTEGER,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
