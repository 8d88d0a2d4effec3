-- Bodies stored compressed: the HTML and the search text were about two thirds of the database (13 and
-- 10 KB per article). New rows keep them as raw DEFLATE blobs and leave the old text columns empty; rows
-- indexed before keep their text there until they are next written. Search reads the text through
-- `folio_unpack`, a function every Folio connection registers (src/db/body-codec.ts); the FTS index
-- itself is unchanged, so nothing needs rebuilding.
ALTER TABLE articles ADD COLUMN html_z BLOB;
ALTER TABLE articles ADD COLUMN text_z BLOB;
DROP VIEW articles_fts_source;
CREATE VIEW articles_fts_source AS
  SELECT id, title, excerpt, folio_unpack(text_z, body_text) AS body, tags_text AS tags FROM articles;
