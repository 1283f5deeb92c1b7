-- The tickets read model emptied by V2_27 is rebuilt: a tracking processor without a token starts from the first event.
DELETE FROM TokenEntry WHERE processorName = 'tickets';
