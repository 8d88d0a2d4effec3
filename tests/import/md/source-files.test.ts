import { describe, expect, it } from 'vitest';
import { findSources, pathFacts } from '../../../src/import/md/source-files.js';
import { join } from 'node:path';
import { projectRoot } from '../../../src/paths.js';

const facts = (rel: string) => pathFacts({ abs: `/site/${rel}`, rel });

describe('what an article file path says', () => {
  it('a Jekyll post name gives the date and the slug; a _drafts folder makes a draft', () => {
    expect(facts('_posts/2023-11-04-sourdough-notes.md')).toMatchObject({
      slug: 'sourdough-notes',
      date: '2023-11-04',
      draft: false,
    });
    expect(facts('_drafts/rye.md')).toMatchObject({ slug: 'rye', date: null, draft: true });
  });

  it('a page bundle is named by its folder, a dated folder gives the date, a Hugo language suffix the language', () => {
    expect(facts('posts/river-walk/index.md')).toMatchObject({ slug: 'river-walk', lang: null });
    expect(facts('blog/2024-03-01-welcome/index.mdx')).toMatchObject({ slug: 'welcome', date: '2024-03-01' });
    expect(facts('posts/river-walk/index.fr.md')).toMatchObject({ slug: 'river-walk', lang: 'fr' });
    expect(facts('posts/hello.fr.md')).toMatchObject({ slug: 'hello', lang: 'fr' });
  });

  it('a folder yields its Markdown and MDX articles, not Hugo list pages or static files', () => {
    const hugo = findSources(join(projectRoot, 'tests/fixtures/import-md/hugo'), false).map((s) => s.rel);
    expect(hugo).toEqual([
      'content/posts/broken.md',
      'content/posts/first-frost.md',
      'content/posts/river-walk/index.md',
    ]);
    const docs = findSources(join(projectRoot, 'tests/fixtures/import-md/docusaurus'), false).map(
      (s) => s.rel,
    );
    expect(docs).toEqual(['blog/2024-02-10-release-notes.mdx', 'blog/2024-03-01-welcome/index.md']);
  });
});
