// A small site with one published article, one draft and one scheduled article, for the preview tests.
import { article } from './site.js';

export const PREVIEW_FILES: Record<string, string> = {
  'articles/news/pub-guide.md': article(
    { title: 'Published guide', tags: ['shared'] },
    'A published article about zebras.\n',
  ),
  'articles/news/secret-draft.md': article(
    { title: 'Secret draft', draft: true, tags: ['shared', 'draftonly'] },
    'Words about quokkaplanning. See [the guide](/en/pub-guide).\n',
  ),
  'articles/news/future-post.md': article(
    { title: 'Future post', date: '2027-01-01T09:00:00Z', tags: ['shared'] },
    'Words about zebras in the future.\n',
  ),
};
