// A memoised `area/slug` → CTA course lookup for expanding ::cta blocks outside the article page (feeds, API).
import type { CourseRow } from '../../db/site-repo.js';
import { toCtaCourse } from './article-page.js';
import type { CtaCourse } from './cta.js';

export function ctaLookup(
  find: (area: string, slug: string) => CourseRow | null,
): (ref: string) => CtaCourse | null {
  const memo = new Map<string, CtaCourse | null>();
  return (ref) => {
    if (!memo.has(ref)) {
      const [area = '', slug = ''] = ref.split('/');
      const row = find(area, slug);
      memo.set(ref, row ? toCtaCourse(row) : null);
    }
    return memo.get(ref) ?? null;
  };
}
