-- When an article's slug changes (same file, or same translation_key in the same language), its old
-- address answers 301 to the new one, forever. Derived from the index's own history, so kept across
-- re-indexing; an article that later takes the old slug ends the redirect.
CREATE TABLE slug_moves (
  from_id INTEGER PRIMARY KEY REFERENCES article_keys (id),
  to_id INTEGER NOT NULL REFERENCES article_keys (id),
  moved_at INTEGER NOT NULL
) STRICT;
CREATE INDEX slug_moves_to ON slug_moves (to_id);
