import { describe, expect, it } from 'vitest';
import { loadArticle, type ArticleEntry, type LoadContext } from '../../src/content/load-entry.js';
import { formatProblem } from '../../src/errors.js';
import { XSS_BODIES } from '../fixtures/xss/payloads.js';
import { article } from '../helpers/site.js';
import { headingIds, headingLevels, reparsed, writtenElements } from './html-shape.js';
import { REAL_WORLD_BODIES } from './real-world-bodies.js';

const ctx: LoadContext = { defaultLang: 'en', languages: ['en', 'fr'], siteHosts: ['localhost:3000'] };
/** What each table part and list may hold: a browser moves anything else out, or the checker rejects it. */
const CHILDREN: Record<string, readonly string[]> = {
  ul: ['li'],
  ol: ['li'],
  dl: ['dt', 'dd', 'div'],
  table: ['caption', 'colgroup', 'thead', 'tbody', 'tfoot', 'tr'],
  thead: ['tr'],
  tbody: ['tr'],
  tfoot: ['tr'],
  tr: ['td', 'th'],
  colgroup: ['col'],
};

function load(body: string): ArticleEntry {
  const r = loadArticle('articles/real.md', article({}, `${body}\n`), ctx);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join('\n'));
  return r.entry;
}

describe('stored bodies from real-world content', () => {
  it.each(REAL_WORLD_BODIES.map((c) => [c.name, c.markdown] as const))(
    'when the body is %s, then the stored HTML is what a browser builds from it, with valid images, tables and outline',
    (_name, markdown) => {
      const { html } = load(markdown);
      const elements = writtenElements(html);
      for (const img of elements.filter((e) => e.name === 'img')) {
        expect(img.attrs.get('src')?.trim()).toBeTruthy();
        expect(img.attrs.has('alt')).toBe(true);
      }
      const misplaced = elements.filter((e) => CHILDREN[e.parent]?.includes(e.name) === false);
      expect(misplaced.map((e) => `${e.name} in ${e.parent}`)).toEqual([]);
      const items = elements.filter((e) => e.name === 'li');
      expect(items.filter((e) => e.parent !== 'ul' && e.parent !== 'ol').map((e) => `li in ${e.parent}`)).toEqual([]);
      const levels = headingLevels(html);
      levels.forEach((level, i) => expect(level).toBeLessThanOrEqual(i === 0 ? 2 : (levels[i - 1] ?? 2) + 1));
      expect(levels.every((l) => l >= 2)).toBe(true);
      expect(reparsed(html)).toBe(html);
    },
  );

  it('when the XSS corpus is stored, then re-parsing each stored body gives it back unchanged', () => {
    const changed = XSS_BODIES.filter((c) => {
      const { html } = load(c.markdown);
      return reparsed(html) !== html;
    }).map((c) => c.name);
    expect(changed).toEqual([]);
  });
});

describe('the outline of a body', () => {
  const body = '# Intro\n\nText.\n\n#### Deep\n\nMore.\n\n## Back\n\n###### Tiny\n\nEnd.\n';

  it('when a body uses # and skips levels, then it starts at h2, each level is at most one deeper, ids unchanged', () => {
    const { html } = load(body);
    expect(headingLevels(html)).toEqual([2, 3, 3, 4]);
    expect(headingIds(html)).toEqual(['intro', 'deep', 'back', 'tiny']);
  });

  it('when levels change, then the table of contents lists the new h2 and h3 with their new depths', () => {
    const e = load(body);
    expect(e.toc.map((t) => [t.depth, t.id])).toEqual([
      [2, 'intro'],
      [3, 'deep'],
      [3, 'back'],
    ]);
    const levelOf = new Map(writtenElements(e.html).map((el) => [el.attrs.get('id'), Number(el.name.slice(1))]));
    for (const t of e.toc) expect(levelOf.get(t.id)).toBe(t.depth);
    const right = load('## A\n\n### B\n\n## C\n\n### D\n');
    expect(headingLevels(right.html)).toEqual([2, 3, 2, 3]);
    expect(right.toc.map((t) => t.depth)).toEqual([2, 3, 2, 3]);
  });

  it('when raw HTML repeats the id of a Markdown heading, then the page still has each id once', () => {
    const ids = writtenElements(load('<h2 id="setup">Setup</h2>\n\n## Setup\n\n<p id="main">x</p>\n').html)
      .map((e) => e.attrs.get('id'))
      .filter((id) => id !== undefined);
    expect(ids).toEqual([...new Set(ids)]);
    expect(ids).not.toContain('main');
  });
});

describe('images in a body', () => {
  it('when an image has no usable src, then it is dropped and its neighbours stay', () => {
    const { html } = load(REAL_WORLD_BODIES[0]?.markdown ?? '');
    const srcs = writtenElements(html)
      .filter((e) => e.name === 'img')
      .map((e) => e.attrs.get('src'));
    expect(srcs).toEqual(['https://cdn.example.com/team.jpg']);
    expect(html).toContain('<figcaption>The meetup</figcaption>');
  });

  it('when an image has no alt text, then it is stored with alt="" and listed for a warning', () => {
    const e = load('See ![](/img/diagram.png) and <img src="https://cdn.example.com/chart.png"> here.\n');
    expect(e.html).toContain('<img src="/img/diagram.png" alt=""');
    expect(e.html).toContain('<img src="https://cdn.example.com/chart.png" alt=""');
    expect(e.imagesWithoutAlt).toEqual(['/img/diagram.png', 'https://cdn.example.com/chart.png']);
  });

  it('when an image says alt="" itself, or has a description, then it is not listed', () => {
    const e = load('<img src="/img/rule.svg" alt=""> ![A chart](/img/chart.svg)\n');
    expect(e.imagesWithoutAlt).toEqual([]);
  });
});
