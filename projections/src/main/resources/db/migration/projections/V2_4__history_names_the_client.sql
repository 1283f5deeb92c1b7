-- Which API client sent the command behind each step (the person is performed_by).
ALTER TABLE projection_ticket_history ADD COLUMN client VARCHAR(100);
