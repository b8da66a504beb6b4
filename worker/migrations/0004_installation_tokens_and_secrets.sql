-- Installations created through the admin API (Zendesk): the Worker issues each a bearer token, shown once.
-- Only the token's SHA-256 is kept, so the table cannot be used to call the API.
CREATE TABLE installation_tokens (
  token_sha256 TEXT PRIMARY KEY,            -- lowercase hex SHA-256 of the token
  installation_key TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX installation_tokens_installation ON installation_tokens (installation_key);

-- Secrets an installation stored through its setup step (webhook signing secret, API e-mail and token), encrypted with
-- AES-256-GCM under the CREDENTIALS_KEY secret, the installation key and name as authenticated data. Never returned.
CREATE TABLE installation_secrets (
  installation_key TEXT NOT NULL,
  name TEXT NOT NULL,                       -- webhook-signing-secret | api-email | api-token
  iv TEXT NOT NULL,                         -- base64 nonce
  ciphertext TEXT NOT NULL,                 -- base64 ciphertext with its tag
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (installation_key, name)
);

-- The host account (Zendesk's account_id) each installation's deliveries come from, bound by the first delivery its own
-- signing secret verified; a later delivery naming another account is refused.
CREATE TABLE installation_accounts (
  installation_key TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  bound_at INTEGER NOT NULL
);
