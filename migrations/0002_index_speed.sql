-- Faster re-indexing: a stat cache so unchanged files are not read again, and an index to find the
-- articles whose related lists mention a changed article.

CREATE TABLE content_files (
  path TEXT PRIMARY KEY,
  size INTEGER NOT NULL,
  mtime_ms REAL NOT NULL,
  hash TEXT NOT NULL
) STRICT;

CREATE INDEX related_target ON related (related_id);
