-- Secrets Folio generates for itself and keeps (today: the key that signs draft preview links when
-- PREVIEW_SECRET is not set). Not derived from content: indexing never reads or clears this table, so a
-- preview link stays valid across re-indexes and restarts.
CREATE TABLE site_secrets (
  name TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
