-- Plazo's storage. Times are epoch milliseconds (INTEGER) unless the column holds a host's ISO instant.

-- An installation of Plazo on a host account (a GitHub App installation, or the personal-token setup).
CREATE TABLE installations (
  key TEXT PRIMARY KEY,                     -- "github:957387", "github:token"
  host TEXT NOT NULL,
  external_id TEXT NOT NULL,
  account TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  -- Installation defaults (policy, labels, agents) used when a repository has no valid config of its own.
  settings TEXT NOT NULL DEFAULT '{}',
  -- The host user whose changes are Plazo's own (its bot, or the personal token's user).
  self_login TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);

-- Per-scope configuration read from the host (GitHub: .github/plazo.yml), cached briefly.
CREATE TABLE scope_configs (
  installation_key TEXT NOT NULL,
  scope TEXT NOT NULL,                      -- "repo:<repository id>"
  settings TEXT,                            -- JSON of the valid settings, NULL when absent or broken
  problems TEXT,                            -- JSON list of problems when the file is broken
  revision TEXT,                            -- host revision of the file (blob sha)
  fetched_at INTEGER NOT NULL,
  PRIMARY KEY (installation_key, scope)
);

CREATE TABLE tickets (
  key TEXT PRIMARY KEY,                     -- "github:issue:<issue id>"
  host TEXT NOT NULL,
  installation_key TEXT NOT NULL,
  scope TEXT NOT NULL,
  ref TEXT NOT NULL,                        -- JSON the adapter needs to address the ticket (owner, repo, number)
  created_at TEXT NOT NULL,                 -- the ticket's creation instant (ISO, from the host)
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  requester TEXT,
  status TEXT NOT NULL DEFAULT 'open',      -- open | closed | retired
  host_updated_at TEXT NOT NULL,            -- orders deliveries: an older one never overwrites a newer one
  host_state TEXT NOT NULL DEFAULT '{}',    -- what the host shows, as far as Plazo knows (used in dry runs)
  policy_id TEXT,
  evaluation TEXT,                          -- JSON of the last Evaluation
  sla_state TEXT,                           -- summary for filtering: none | running | paused | met | at-risk | breached | excluded
  evaluated_at INTEGER,
  next_check_at INTEGER,                    -- when the cron must look at it again; NULL when nothing can change by time
  version INTEGER NOT NULL DEFAULT 1,       -- bumped by every change that may alter the write-back
  applied_version INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,                      -- one write-back at a time per ticket
  updated_at INTEGER NOT NULL
);
-- The cron's query: its cost follows the tickets due, not all tickets.
CREATE INDEX tickets_due ON tickets (next_check_at) WHERE next_check_at IS NOT NULL;
CREATE INDEX tickets_listing ON tickets (host, sla_state, updated_at);
CREATE INDEX tickets_scope ON tickets (installation_key, scope);

-- Host facts that move clocks (comments, closes, reopens, labels), kept as the host reported them.
CREATE TABLE ticket_events (
  ticket_key TEXT NOT NULL,
  event_key TEXT NOT NULL,                  -- stable per host fact, so a replay adds nothing
  at TEXT NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (ticket_key, event_key)
);

-- Every accepted delivery: a redelivery with the same id changes nothing.
CREATE TABLE deliveries (
  host TEXT NOT NULL,
  delivery_id TEXT NOT NULL,
  event TEXT NOT NULL,
  ticket_key TEXT,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (host, delivery_id)
);

-- Each planned write-back: what Plazo would change (dry run) or changed (live).
CREATE TABLE write_backs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_key TEXT NOT NULL,
  version INTEGER NOT NULL,
  mode TEXT NOT NULL,                       -- live | dry-run
  status TEXT NOT NULL,                     -- planned | applied | dry-run | no-change | retrying | failed
  changes TEXT NOT NULL,                    -- JSON list of host changes
  error TEXT,
  created_at INTEGER NOT NULL,
  finished_at INTEGER
);
CREATE INDEX write_backs_ticket ON write_backs (ticket_key, id);

-- Jobs that ran out of tries; listed and retried through the admin API.
CREATE TABLE failed_jobs (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  ticket_key TEXT NOT NULL,
  job TEXT NOT NULL,
  error TEXT NOT NULL,
  attempts INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'failed',    -- failed | retried
  failed_at INTEGER NOT NULL,
  retried_at INTEGER
);
-- At most one open failure per ticket: a later failure updates it.
CREATE UNIQUE INDEX failed_jobs_open ON failed_jobs (ticket_key) WHERE status = 'failed';
