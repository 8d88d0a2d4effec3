-- Folio's initial schema: the content index (derived, rebuildable) and enquiries (primary data).

CREATE TABLE index_state (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- Stable numeric ids per (lang, slug): rows are never deleted, so ids survive re-indexing and a
-- deleted article that was once public can answer 410 Gone.
CREATE TABLE article_keys (
  id INTEGER PRIMARY KEY,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  was_public INTEGER NOT NULL DEFAULT 0,
  UNIQUE (lang, slug)
) STRICT;

CREATE TABLE authors (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  bio TEXT NOT NULL DEFAULT '',
  avatar TEXT,
  url TEXT,
  active INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE categories (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  parent_slug TEXT,
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1
) STRICT;

CREATE TABLE tags (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL
) STRICT;

CREATE TABLE articles (
  id INTEGER PRIMARY KEY REFERENCES article_keys (id),
  source_path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  lang TEXT NOT NULL,
  slug TEXT NOT NULL,
  title TEXT NOT NULL,
  published_at INTEGER NOT NULL,
  modified_at INTEGER NOT NULL,
  category_slug TEXT NOT NULL,
  author_slug TEXT NOT NULL,
  excerpt TEXT NOT NULL,
  image TEXT,
  image_alt TEXT,
  cta_course TEXT,
  related_json TEXT NOT NULL DEFAULT '[]',
  aliases_json TEXT NOT NULL DEFAULT '[]',
  draft INTEGER NOT NULL DEFAULT 0,
  translation_key TEXT,
  body_html TEXT NOT NULL,
  body_text TEXT NOT NULL,
  toc_json TEXT NOT NULL DEFAULT '[]',
  terms_json TEXT NOT NULL DEFAULT '[]',
  facts_json TEXT NOT NULL DEFAULT '{}',
  word_count INTEGER NOT NULL,
  reading_minutes INTEGER NOT NULL,
  indexed_at INTEGER NOT NULL,
  UNIQUE (lang, slug)
) STRICT;
CREATE INDEX articles_listing ON articles (lang, draft, published_at DESC);
CREATE INDEX articles_category ON articles (category_slug, lang, published_at DESC);
CREATE INDEX articles_author ON articles (author_slug, lang, published_at DESC);
CREATE INDEX articles_translation ON articles (translation_key);

CREATE TABLE article_tags (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  tag_id INTEGER NOT NULL REFERENCES tags (id),
  position INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (article_id, tag_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX article_tags_tag ON article_tags (tag_id, article_id);

-- Precomputed related candidates (more than shown, so drafts/scheduled ones can be skipped at read time).
CREATE TABLE related (
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  rank INTEGER NOT NULL,
  related_id INTEGER NOT NULL,
  score REAL NOT NULL,
  PRIMARY KEY (article_id, rank)
) STRICT, WITHOUT ROWID;

CREATE TABLE course_areas (
  id INTEGER PRIMARY KEY,
  slug TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  intro TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0
) STRICT;

CREATE TABLE courses (
  id INTEGER PRIMARY KEY,
  area_slug TEXT NOT NULL,
  slug TEXT NOT NULL,
  source_path TEXT NOT NULL UNIQUE,
  content_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  summary TEXT NOT NULL,
  featured INTEGER NOT NULL DEFAULT 0,
  data_json TEXT NOT NULL,
  body_html TEXT NOT NULL,
  modified_at INTEGER NOT NULL,
  UNIQUE (area_slug, slug)
) STRICT;

-- Internal links found in article bodies (and cta fields): backlinks and broken-link reports.
CREATE TABLE links (
  source_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('article', 'course', 'path')),
  target TEXT NOT NULL,
  line INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX links_source ON links (source_id);
CREATE INDEX links_target ON links (kind, target);

CREATE TABLE redirects (
  from_path TEXT PRIMARY KEY,
  article_id INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE
) STRICT;

CREATE TABLE content_errors (
  id INTEGER PRIMARY KEY,
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  hint TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'note'))
) STRICT;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
  title, excerpt, body, tags,
  tokenize = 'unicode61 remove_diacritics 2'
);

-- Primary data: written by readers, never touched by indexing.
CREATE TABLE enquiries (
  id INTEGER PRIMARY KEY,
  created_at TEXT NOT NULL,
  course_area TEXT NOT NULL,
  course_slug TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  phone TEXT,
  format TEXT,
  message TEXT NOT NULL DEFAULT '',
  consent INTEGER NOT NULL,
  from_article TEXT,
  idempotency_key TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX enquiries_created ON enquiries (created_at);
