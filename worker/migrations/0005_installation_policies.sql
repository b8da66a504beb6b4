-- A policy document an installation uploaded (PUT /api/v1/installations/:key/policy, or Zendesk's setup step), validated
-- by core's parsePolicy before it is stored. One per installation: uploading again replaces it. Its id never equals a
-- built-in policy's id, so a settings `policy` naming a built-in always means the built-in.
CREATE TABLE installation_policies (
  installation_key TEXT PRIMARY KEY,
  policy_id TEXT NOT NULL,                  -- the document's `id`, what the installation's settings `policy` names
  document TEXT NOT NULL,                   -- the policy as core's policySchema returned it, JSON
  sha256 TEXT NOT NULL,                     -- lowercase hex SHA-256 of `document`: the revision parsed copies are cached by
  updated_at INTEGER NOT NULL
);
