-- The read models reshaped by V2_2 are rebuilt: a tracking processor without a token starts from the first event.
DELETE FROM TokenEntry WHERE processorName IN ('staff', 'master-list');
