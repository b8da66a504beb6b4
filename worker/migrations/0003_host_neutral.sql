-- Host-neutral names: the user whose changes are Plazo's own is an actor on any host (a GitHub login, a Zendesk user id).
ALTER TABLE installations RENAME COLUMN self_login TO self_actor;
