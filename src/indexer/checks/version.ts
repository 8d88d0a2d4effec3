// What the cross-file checks know of one article version, and how a rule reports a problem in it.
import type { StoredArticle } from '../../db/stored-article.js';
import type { ContentProblem } from '../../errors.js';

export interface Version {
  /** The article's stable id when it is already indexed (older articles keep contested aliases). */
  id: number | null;
  path: string;
  /** The content digest of the file this version came from. */
  hash: string;
  lang: string;
  slug: string;
  title: string;
  category: string;
  author: string;
  cta: string | null;
  related: readonly string[];
  aliases: readonly string[];
  tags: readonly string[];
  draft: boolean;
  publishedAt: number;
  links: readonly { kind: string; target: string; line: number }[];
  ctas: readonly { course: string; line: number }[];
  lines: Record<string, number>;
  /** A new version from this run (not the last good one kept from the index). */
  fresh: boolean;
}

export function fromStored(s: StoredArticle): Version {
  return {
    id: s.id,
    path: s.sourcePath,
    hash: s.hash,
    lang: s.lang,
    slug: s.slug,
    title: s.title,
    category: s.category,
    author: s.author,
    cta: s.cta,
    related: s.related,
    aliases: s.aliases,
    // As written in the file; rows indexed before facts kept them fall back to the tags table's names.
    tags: s.facts.tags ?? s.tags,
    draft: s.draft,
    publishedAt: s.publishedAt,
    links: s.facts.links,
    ctas: s.facts.ctas,
    lines: s.facts.lines,
    fresh: false,
  };
}

export function fromFresh(a: StoredArticle, storedId: number | null): Version {
  return { ...fromStored(a), id: storedId, fresh: true };
}

/** Reports a problem at a front matter key's line (or a line number) of a version's file. */
export type Report = (
  v: Version,
  key: string | number,
  code: string,
  message: string,
  hint?: string,
  severity?: ContentProblem['severity'],
) => void;

export function reporter(problems: ContentProblem[]): Report {
  return (v, key, code, message, hint, severity = 'error') =>
    problems.push({
      file: v.path,
      line: typeof key === 'number' ? key : (v.lines[key] ?? 1),
      code,
      message,
      severity,
      ...(hint ? { hint } : {}),
    });
}
