-- What Plazo told each ticket's customer (issue 12): one row per ticket, message code and write mode, so each customer
-- message (case-opened, after-hours, missing-information) is said once however often the ticket is evaluated. A dry run's
-- rows keep later dry runs from planning the message again; a live write-back reads only live rows.
CREATE TABLE ticket_messages (
  ticket_key TEXT NOT NULL,
  code TEXT NOT NULL,
  mode TEXT NOT NULL CHECK (mode IN ('live', 'dry-run')),
  said_at INTEGER NOT NULL,
  PRIMARY KEY (ticket_key, code, mode)
);
