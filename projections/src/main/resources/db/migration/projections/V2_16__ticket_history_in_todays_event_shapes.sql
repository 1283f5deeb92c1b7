-- SandboxTestReported has a second revision (its evidence together, with attachments). The tickets read model is
-- rebuilt from the event store (V2_17 resets its token), so every history shows each step in today's shape, read
-- through the upcasters, whichever version stored it.
DELETE FROM projection_ticket_history;
DELETE FROM projection_ticket;
