// What `npm run check` reads back from a freshly built index to find content warnings.
import type { Db } from './connection.js';
import type { ArticleFacts } from './stored-article.js';

/** An article as the content warnings read it. */
export interface WarningArticle {
  path: string;
  lang: string;
  slug: string;
  title: string;
  excerpt: string;
  draft: boolean;
  image: string | null;
  cta: string | null;
  related: readonly string[];
  aliases: readonly string[];
  facts: ArticleFacts;
}

interface FactsRow {
  source_path: string;
  lang: string;
  slug: string;
  title: string;
  excerpt: string;
  draft: number;
  image: string | null;
  cta_course: string | null;
  related_json: string;
  aliases_json: string;
  facts_json: string;
}

export function createContentFacts(db: Db) {
  const all = db.prepare<[], FactsRow>(
    `SELECT source_path, lang, slug, title, excerpt, draft, image, cta_course, related_json, aliases_json, facts_json
     FROM articles ORDER BY source_path`,
  );
  return {
    articles(): WarningArticle[] {
      return all.all().map((r) => {
        const facts = JSON.parse(r.facts_json) as Partial<ArticleFacts>;
        return {
          path: r.source_path,
          lang: r.lang,
          slug: r.slug,
          title: r.title,
          excerpt: r.excerpt,
          draft: r.draft === 1,
          image: r.image,
          cta: r.cta_course,
          related: JSON.parse(r.related_json) as string[],
          aliases: JSON.parse(r.aliases_json) as string[],
          facts: {
            links: facts.links ?? [],
            ctas: facts.ctas ?? [],
            images: facts.images ?? [],
            imagesWithoutAlt: facts.imagesWithoutAlt ?? [],
            lines: facts.lines ?? {},
          },
        };
      });
    },
  };
}
