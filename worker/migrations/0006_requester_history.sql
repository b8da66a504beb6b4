-- Rules over a customer's history (issue 12). A ticket's requester organisation as its host reports it (NULL: the
-- requester is in none, or the host has no organisations), and indexes that find one customer's tickets quickly.
ALTER TABLE tickets ADD COLUMN organization TEXT;
CREATE INDEX tickets_requester ON tickets (installation_key, requester) WHERE requester IS NOT NULL;
CREATE INDEX tickets_organization ON tickets (installation_key, organization) WHERE organization IS NOT NULL;

-- Every history flag a requester's tickets received (possible-duplicate, early-follow-up, over-quota), kept after the
-- flag clears, so an admin can see repeated breaches (GET /api/v1/installations/:key/requesters/:requester).
CREATE TABLE requester_flags (
  installation_key TEXT NOT NULL,
  requester TEXT NOT NULL,
  ticket_key TEXT NOT NULL,
  flag TEXT NOT NULL,
  organization TEXT,                        -- the requester's organisation when the flag was last seen
  reason TEXT NOT NULL,                     -- JSON of the core's reason when last seen (what it measured, the ticket it names)
  first_seen_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  PRIMARY KEY (installation_key, requester, ticket_key, flag)
);
