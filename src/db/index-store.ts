// Prepared statements the indexer uses to read the previous index and write the next one.
import type { Db } from './connection.js';
import { createDerivedLinksStore } from './derived-links-store.js';
import { createIndexStateStore } from './index-state-store.js';
import { createSiteTablesStore } from './site-tables-store.js';
import {
  compactArticle,
  type ArticleFacts,
  type StagedArticle,
  type StoredArticle,
} from './stored-article.js';

interface StoredRow {
  id: number;
  source_path: string;
  content_hash: string;
  lang: string;
  slug: string;
  title: string;
  category_slug: string;
  author_slug: string;
  cta_course: string | null;
  related_json: string;
  aliases_json: string;
  draft: number;
  published_at: number;
  translation_key: string | null;
  terms_json: string;
  facts_json: string;
  tags: string | null;
}

export function createIndexStore(db: Db) {
  const siteTables = createSiteTablesStore(db);
  const state = createIndexStateStore(db);
  const derived = createDerivedLinksStore(db);
  const s = {
    stored: db.prepare<[], StoredRow>(`
      SELECT a.id, a.source_path, a.content_hash, a.lang, a.slug, a.title, a.category_slug, a.author_slug, a.cta_course,
             a.related_json, a.aliases_json, a.draft, a.published_at, a.translation_key, a.terms_json, a.facts_json,
             (SELECT json_group_array(t.name) FROM article_tags x JOIN tags t ON t.id = x.tag_id WHERE x.article_id = a.id) AS tags
      FROM articles a`),
    keyId: db.prepare<{ lang: string; slug: string }, { id: number }>(
      'SELECT id FROM article_keys WHERE lang = @lang AND slug = @slug',
    ),
    insertKey: db.prepare<{ lang: string; slug: string }>(
      'INSERT INTO article_keys (lang, slug) VALUES (@lang, @slug)',
    ),
    markPublic: db.prepare<{ id: number }>('UPDATE article_keys SET was_public = 1 WHERE id = @id'),
    deleteArticle: db.prepare<{ id: number }>('DELETE FROM articles WHERE id = @id'),
    // External content: FTS5 forgets a row's tokens only when told the values it indexed, read from the
    // row itself before the row changes or goes (a plain DELETE would read the row after the change).
    ftsIndexed: db.prepare<{ id: number }, { title: string; excerpt: string; body: string; tags: string }>(
      'SELECT title, excerpt, folio_unpack(text_z, body_text) AS body, tags_text AS tags FROM articles WHERE id = @id',
    ),
    ftsForget: db.prepare<{ id: number; title: string; excerpt: string; body: string; tags: string }>(
      `INSERT INTO articles_fts (articles_fts, rowid, title, excerpt, body, tags)
       VALUES ('delete', @id, @title, @excerpt, @body, @tags)`,
    ),
    upsertArticle: db.prepare(`
      INSERT INTO articles (id, source_path, content_hash, lang, slug, title, published_at, modified_at, category_slug, author_slug,
        excerpt, image, image_alt, cta_course, related_json, aliases_json, draft, translation_key, body_html, body_text, html_z, text_z, toc_json,
        terms_json, facts_json, word_count, reading_minutes, indexed_at, tags_text)
      VALUES (@id, @source_path, @content_hash, @lang, @slug, @title, @published_at, @modified_at, @category_slug, @author_slug,
        @excerpt, @image, @image_alt, @cta_course, @related_json, @aliases_json, @draft, @translation_key, '', '', @html_z, @text_z, @toc_json,
        @terms_json, @facts_json, @word_count, @reading_minutes, @indexed_at, @tags_text)
      ON CONFLICT (id) DO UPDATE SET source_path = excluded.source_path, content_hash = excluded.content_hash, lang = excluded.lang,
        slug = excluded.slug, title = excluded.title, published_at = excluded.published_at, modified_at = excluded.modified_at,
        category_slug = excluded.category_slug, author_slug = excluded.author_slug, excerpt = excluded.excerpt, image = excluded.image,
        image_alt = excluded.image_alt, cta_course = excluded.cta_course, related_json = excluded.related_json,
        aliases_json = excluded.aliases_json, draft = excluded.draft, translation_key = excluded.translation_key,
        body_html = '', body_text = '', html_z = excluded.html_z, text_z = excluded.text_z, toc_json = excluded.toc_json, terms_json = excluded.terms_json,
        facts_json = excluded.facts_json, word_count = excluded.word_count, reading_minutes = excluded.reading_minutes,
        indexed_at = excluded.indexed_at, tags_text = excluded.tags_text`),
    insertFts: db.prepare<{ id: number; title: string; excerpt: string; body: string; tags: string }>(
      'INSERT INTO articles_fts (rowid, title, excerpt, body, tags) VALUES (@id, @title, @excerpt, @body, @tags)',
    ),
    tagId: db.prepare<{ slug: string }, { id: number }>('SELECT id FROM tags WHERE slug = @slug'),
    insertTag: db.prepare<{ slug: string; name: string }, { id: number }>(
      'INSERT INTO tags (slug, name) VALUES (@slug, @name) RETURNING id',
    ),
    clearArticleTags: db.prepare<{ id: number }>('DELETE FROM article_tags WHERE article_id = @id'),
    insertArticleTag: db.prepare<{ article_id: number; tag_id: number; position: number }>(
      'INSERT OR IGNORE INTO article_tags (article_id, tag_id, position) VALUES (@article_id, @tag_id, @position)',
    ),
    clearLinks: db.prepare<{ id: number }>('DELETE FROM links WHERE source_id = @id'),
    insertLink: db.prepare<{ source_id: number; kind: string; target: string; line: number }>(
      'INSERT INTO links (source_id, kind, target, line) VALUES (@source_id, @kind, @target, @line)',
    ),
    hashes: db.prepare<[], { source_path: string; content_hash: string }>(
      'SELECT source_path, content_hash FROM articles',
    ),
  };

  // Tag ids by slug, remembered for the run: most tags are shared by many articles. The first name a slug
  // was stored with is kept (a later spelling of the same tag does not rename it).
  const tagIds = new Map<string, number>();
  const tagIdFor = (t: { slug: string; name: string }): number | undefined => {
    let id = tagIds.get(t.slug);
    if (id === undefined) {
      id = s.tagId.get({ slug: t.slug })?.id ?? s.insertTag.get(t)?.id;
      if (id !== undefined) tagIds.set(t.slug, id);
    }
    return id;
  };
  const forgetFts = (id: number) => {
    const indexed = s.ftsIndexed.get({ id });
    if (indexed) s.ftsForget.run({ id, ...indexed });
  };
  return {
    ...siteTables,
    ...state,
    ...derived,
    /** Every indexed article, compact (rows are streamed, not all held as parsed JSON at once). */
    loadArticles(): StoredArticle[] {
      const out: StoredArticle[] = [];
      for (const r of s.stored.iterate())
        out.push(
          compactArticle({
            id: r.id,
            sourcePath: r.source_path,
            hash: r.content_hash,
            lang: r.lang,
            slug: r.slug,
            title: r.title,
            category: r.category_slug,
            author: r.author_slug,
            cta: r.cta_course,
            related: JSON.parse(r.related_json) as string[],
            aliases: JSON.parse(r.aliases_json) as string[],
            draft: r.draft === 1,
            publishedAt: r.published_at,
            translationKey: r.translation_key,
            tags: r.tags ? (JSON.parse(r.tags) as string[]) : [],
            terms: JSON.parse(r.terms_json) as [string, number][],
            facts: JSON.parse(r.facts_json) as ArticleFacts,
          }),
        );
      return out;
    },
    idFor(lang: string, slug: string): number {
      const row = s.keyId.get({ lang, slug });
      if (row) return row.id;
      return Number(s.insertKey.run({ lang, slug }).lastInsertRowid);
    },
    removeArticle(id: number, wasPublic: boolean): void {
      if (wasPublic) s.markPublic.run({ id });
      forgetFts(id);
      s.deleteArticle.run({ id });
    },
    writeArticle(
      id: number,
      e: StagedArticle,
      tagSlugs: { slug: string; name: string }[],
      now: number,
    ): void {
      const tagsText = tagSlugs.map((t) => t.name).join(' ');
      forgetFts(id);
      s.upsertArticle.run({
        tags_text: tagsText,
        id,
        source_path: e.sourcePath,
        content_hash: e.hash,
        lang: e.lang,
        slug: e.slug,
        title: e.title,
        published_at: e.publishedAt,
        modified_at: e.modifiedAt,
        category_slug: e.category,
        author_slug: e.author,
        excerpt: e.excerpt,
        image: e.image,
        image_alt: e.imageAlt,
        cta_course: e.cta,
        related_json: JSON.stringify(e.related),
        aliases_json: JSON.stringify(e.aliases),
        draft: e.draft ? 1 : 0,
        translation_key: e.translationKey,
        html_z: e.htmlZ,
        text_z: e.textZ,
        toc_json: JSON.stringify(e.toc),
        terms_json: JSON.stringify(e.terms),
        facts_json: JSON.stringify({
          links: e.links,
          ctas: e.ctas,
          images: e.images,
          imagesWithoutAlt: e.imagesWithoutAlt,
          lines: e.lines,
          tags: e.tags,
        } satisfies ArticleFacts),
        word_count: e.words,
        reading_minutes: e.readingMinutes,
        indexed_at: now,
      });
      if (!e.draft && e.publishedAt <= now) s.markPublic.run({ id });
      s.insertFts.run({ id, title: e.title, excerpt: e.excerpt, body: e.text, tags: tagsText });
      s.clearArticleTags.run({ id });
      tagSlugs.forEach((t, position) => {
        const tag = tagIdFor(t);
        if (tag !== undefined) s.insertArticleTag.run({ article_id: id, tag_id: tag, position });
      });
      s.clearLinks.run({ id });
      for (const link of e.links)
        s.insertLink.run({ source_id: id, kind: link.kind, target: link.target, line: link.line });
      for (const cta of e.ctas)
        s.insertLink.run({ source_id: id, kind: 'course', target: cta.course, line: cta.line });
      if (e.cta) s.insertLink.run({ source_id: id, kind: 'course', target: e.cta, line: e.lines.cta ?? 1 });
    },
    /** Content digests of indexed articles by source path (cheap: no bodies). */
    articleHashes(): Map<string, string> {
      return new Map(s.hashes.all().map((r) => [r.source_path, r.content_hash]));
    },
  };
}
export type IndexStore = ReturnType<typeof createIndexStore>;
