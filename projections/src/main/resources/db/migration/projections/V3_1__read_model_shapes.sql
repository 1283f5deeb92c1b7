-- The read models' own range begins here (their history is read_model_schema_history). Each read model's shape: the
-- version of its tables' layout its rows were written in. A node whose code knows a newer shape rebuilds the read model
-- beside the live one and records the shape when it swaps the rebuilt rows in; the claim keeps that to one node at a
-- time (a claim not renewed by its deadline is free again).
CREATE TABLE read_model_shape (
    read_model    VARCHAR(100) NOT NULL PRIMARY KEY,
    shape         INTEGER      NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by    VARCHAR(200),
    claimed_until TIMESTAMP WITH TIME ZONE
);
