-- Time agents spent on tickets, from any host: Zendesk's Time Tracking field, a GitHub `/plazo time 1h30m` comment, Jira
-- worklogs. Keyed by ticket and by a stable key of the host fact, so a redelivery adds nothing; hours per customer and month
-- (GET /api/v1/reports/hours) join the ticket for its customer.
CREATE TABLE time_entries (
  ticket_key TEXT NOT NULL,
  entry_key TEXT NOT NULL,                  -- stable per host fact ("comment:<id>", "field:<event id>", "worklog:<id>")
  installation_key TEXT NOT NULL,
  at TEXT NOT NULL,                         -- when the time was recorded (ISO instant from the host)
  seconds INTEGER NOT NULL,                 -- may be negative: a correction
  source TEXT NOT NULL,                     -- where it was read: "github-command", "zendesk-field:<id>", "jira-worklog"
  author TEXT,                              -- the host user who recorded it
  PRIMARY KEY (ticket_key, entry_key)
);
-- The report's query: one installation's entries in a range of instants.
CREATE INDEX time_entries_installation ON time_entries (installation_key, at);
