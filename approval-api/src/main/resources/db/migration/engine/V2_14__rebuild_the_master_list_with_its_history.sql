-- The master list reshaped by V2_13 is rebuilt: a tracking processor without a token starts from the first event.
DELETE FROM TokenEntry WHERE processorName = 'master-list';
