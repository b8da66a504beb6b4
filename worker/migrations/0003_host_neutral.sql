-- Host-neutral storage. 0001's examples are GitHub's, but every column holds any host's values: keys are
-- "<host>:…", a scope is whatever the host configures separately (a GitHub repository, a Zendesk account), a ticket's
-- ref and host_state are the adapter's own JSON, and ticket_events any host's facts.
-- The user whose changes are Plazo's own is an actor on any host (a GitHub login, a Zendesk user id).
ALTER TABLE installations RENAME COLUMN self_login TO self_actor;
