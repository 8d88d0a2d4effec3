-- Full-text search reads titles, excerpts, bodies and tags from the articles table (FTS5 external
-- content, through a view that names the columns) instead of keeping its own copy of every body — about a
-- quarter of the database. The index itself is rebuilt from the rows.
ALTER TABLE articles ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';
UPDATE articles SET tags_text = coalesce(
  (SELECT group_concat(t.name, ' ') FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = articles.id),
  ''
);
DROP TABLE articles_fts;
CREATE VIEW articles_fts_source AS
  SELECT id, title, excerpt, body_text AS body, tags_text AS tags FROM articles;
CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, excerpt, body, tags,
  content = 'articles_fts_source', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
