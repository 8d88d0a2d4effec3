// The shipped sample content read directly from its files, apart from Folio's own parser, so tests can
// derive expected values (who is public at a moment, which course says what) without asking the product.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../../src/paths.js';

const CONTENT = join(projectRoot, 'content');

export interface SampleArticle {
  /** Relative to content/. */
  file: string;
  lang: string;
  slug: string;
  title: string;
  category: string;
  draft: boolean;
  /** Epoch ms of `date`; a bare day is midnight UTC. */
  publishedAt: number;
}

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return markdownFiles(path);
    return e.name.endsWith('.md') && !e.name.startsWith('_') ? [path] : [];
  });
}

/** The YAML between the opening and closing `---` lines of a sample file. */
export function sampleFrontMatter(file: string): Record<string, unknown> {
  const text = readFileSync(join(CONTENT, file), 'utf8');
  const block = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
  if (block === undefined) throw new Error(`${file} has no front matter block`);
  return parse(block) as Record<string, unknown>;
}

export function sampleArticles(): SampleArticle[] {
  return markdownFiles(join(CONTENT, 'articles')).map((path) => {
    const file = relative(CONTENT, path);
    const fm = sampleFrontMatter(file);
    const name = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
    return {
      file,
      lang: typeof fm.lang === 'string' ? fm.lang : 'en',
      slug: typeof fm.slug === 'string' ? fm.slug : name,
      title: String(fm.title),
      category: String(fm.category),
      draft: fm.draft === true,
      publishedAt: Date.parse(String(fm.date)),
    };
  });
}

/** The sample articles a reader can see at `now`: not drafts, dated at or before it. */
export function publicSampleArticles(now: number): SampleArticle[] {
  return sampleArticles().filter((a) => !a.draft && a.publishedAt <= now);
}
