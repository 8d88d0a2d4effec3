// Course pages: the index, an area, every landing page, CTA links from articles, and course file errors.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { sampleFrontMatter } from '../helpers/sample-content.js';
import { article, createTestSite, type TestSite } from '../helpers/site.js';

function jsonLd(html: string): Record<string, unknown>[] {
  return [...html.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map(
    (m) => JSON.parse(m[1] ?? '{}') as Record<string, unknown>,
  );
}

function mainOf(html: string): string {
  return html.slice(html.indexOf('<main'), html.indexOf('</main>'));
}

/** The fields of a sample course file these tests compare with the page. */
interface SampleCourse {
  title: string;
  summary: string;
  formats: { name: string }[];
  modules: { title: string }[];
  faq: { question: string }[];
  start_dates: string[];
  prerequisites: string[];
  outcomes: string[];
  certification: string;
  financing: string[];
}

const sampleCourses = readdirSync(join(projectRoot, 'content/courses'), { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    readdirSync(join(projectRoot, 'content/courses', d.name))
      .filter((f) => f.endsWith('.md'))
      .map((f) => ({ area: d.name, slug: f.replace(/\.md$/, '') })),
  );

describe('the sample course pages', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite();
  });
  afterAll(async () => site.close());

  it('when a reader opens /en/courses, then every area and every course is listed with a link', async () => {
    const res = await site.http.get('/en/courses');
    expect(res.status).toBe(200);
    const main = mainOf(res.text);
    expect(main).toContain('<h1>Courses</h1>');
    expect(main).toContain('href="/en/courses/data-ai">Data &amp; AI</a>');
    expect(main).toContain('href="/en/courses/software"');
    for (const c of sampleCourses) expect(main).toContain(`href="/en/courses/${c.area}/${c.slug}"`);
    const types = jsonLd(res.text).map((ld) => ld['@type']);
    expect(types).toEqual(['ItemList', 'BreadcrumbList']);
  });

  it('when a reader opens an area, then its intro and only its courses are shown', async () => {
    const res = await site.http.get('/en/courses/data-ai');
    expect(res.status).toBe(200);
    const main = mainOf(res.text);
    expect(main).toContain('<h1>Courses in Data &amp; AI</h1>');
    expect(main).toContain('Learn to collect, clean, model and explain data');
    expect(main).toContain('href="/en/courses/data-ai/data-engineer"');
    expect(main).toContain('href="/en/courses/data-ai/data-analyst"');
    expect(main).not.toContain('href="/en/courses/software/');
    expect(main).toContain('<dt>Duration</dt><dd>14 weeks full-time or 9 months part-time</dd>');
  });

  it('when an area or course does not exist, then the answer is a 404 page', async () => {
    for (const path of [
      '/en/courses/no-such-area',
      '/en/courses/data-ai/no-such-course',
      '/en/courses/data-ai/no-such-course/thanks',
      '/en/courses/bad_area',
      '/en/courses/data-ai/data-engineer/extra/parts',
    ]) {
      const res = await site.http.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).toContain('Page not found');
    }
  });

  it.each(sampleCourses)(
    'when a reader opens the $area/$slug landing page, then it shows the course and its enquiry form',
    async ({ area, slug }) => {
      const res = await site.http.get(`/en/courses/${area}/${slug}`);
      expect(res.status).toBe(200);
      const main = mainOf(res.text);
      // Expected values come from the course file itself, not from the rows the indexer wrote.
      const course = sampleFrontMatter(`courses/${area}/${slug}.md`) as unknown as SampleCourse;
      const esc = (s: string) =>
        s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
      const list = (items: string[]) => items.map((i) => `<li>${esc(i)}</li>`).join('');
      expect(main).toContain(`<h1>${esc(course.title)}</h1>`);
      expect(main).toContain(esc(course.summary));
      expect(main).toContain('<dt>Duration</dt>');
      expect(main).toContain('<dt>Next start</dt>');
      // At the site's fixed clock (December 2026) every sample start date is still ahead.
      for (const d of course.start_dates) expect(main).toContain(`<time datetime="${d}">`);
      expect(main).toContain(
        `<h2 id="course-prerequisites">Before you start</h2>\n    <ul class="check-list">${list(course.prerequisites)}</ul>`,
      );
      expect(main).toContain(
        `<h2 id="course-outcomes">What you will be able to do</h2>\n    <ul class="check-list">${list(course.outcomes)}</ul>`,
      );
      expect(main).toContain(
        `<h2 id="course-certification">Certification</h2>\n    <p>${esc(course.certification)}</p>`,
      );
      expect(main).toContain(
        `<h2 id="course-financing">Financing</h2>\n    <ul>${list(course.financing)}</ul>`,
      );
      expect(main).toContain('href="#enquiry"');
      for (const m of course.modules) expect(main).toContain(`<h3>${esc(m.title)}</h3>`);
      for (const f of course.formats) {
        expect(main).toContain(`<th scope="row">${esc(f.name)}</th>`);
        expect(main).toContain(`<option value="${esc(f.name)}">${esc(f.name)}</option>`);
      }
      for (const q of course.faq) expect(main).toContain(`<summary>${esc(q.question)}</summary>`);
      expect(main).toContain(
        `<form class="enquiry-form" method="post" action="/en/courses/${area}/${slug}/enquiry"`,
      );
      for (const label of [
        'Your name',
        'E-mail address',
        'Phone number (optional)',
        'Preferred format',
        'Your message',
      ])
        expect(main).toContain(`>${label}</label>`);
      const lds = jsonLd(res.text);
      const ld = lds.find((x) => x['@type'] === 'Course');
      expect(ld).toMatchObject({
        name: course.title,
        description: course.summary,
        provider: { '@type': 'Organization', name: 'Folio Academy' },
      });
      const crumbs = lds.find((x) => x['@type'] === 'BreadcrumbList') as {
        itemListElement: { name: string }[];
      };
      expect(crumbs.itemListElement.map((i) => i.name)).toEqual([
        'Home',
        'Courses',
        expect.any(String),
        course.title,
      ]);
    },
  );

  it('when the landing page is served, then shared caches may keep it but nothing per visitor is set', async () => {
    const res = await site.http.get('/en/courses/data-ai/data-engineer');
    expect(res.headers['cache-control']).toContain('s-maxage=');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('when articles point at a course, then the course page lists them under "Articles about this course"', async () => {
    const res = await site.http.get('/en/courses/data-ai/data-engineer');
    const main = mainOf(res.text);
    const section = main.slice(main.indexOf('Articles about this course'), main.indexOf('id="enquiry"'));
    expect(section).toContain('href="/en/what-does-a-data-engineer-do"');
    expect(section).toContain('href="/en/building-your-first-etl-pipeline"');
    expect(section).not.toContain('href="/en/sql-joins-explained"');
  });

  it('when an article has a cta field and an inline ::cta, then both blocks link to the course with ?from= and their position', async () => {
    const res = await site.http.get('/en/what-does-a-data-engineer-do');
    expect(res.status).toBe(200);
    const blocks = [...res.text.matchAll(/<aside class="cta">([\s\S]*?)<\/aside>/g)].map((m) => m[1] ?? '');
    expect(blocks).toHaveLength(2);
    const positions = ['inline-1', 'after-article'];
    blocks.forEach((b, i) => {
      expect(b).toContain('<p class="cta__title">Data Engineer</p>');
      expect(b).toContain('Build the pipelines and platforms');
      expect(b).toContain(
        `<a class="cta__button" href="/en/courses/data-ai/data-engineer?from=what-does-a-data-engineer-do&amp;cta=${positions[i]}">Start a career in Data Engineering</a>`,
      );
    });
  });

  it('when a French article has a CTA, then it leads to the course under the default language', async () => {
    const res = await site.http.get('/fr/qu-est-ce-qu-un-data-engineer');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(
      /href="\/en\/courses\/data-ai\/data-engineer\?from=qu-est-ce-qu-un-data-engineer&amp;cta=(inline-1|after-article)"/,
    );
  });

  it('when a reader follows a CTA, then the form carries the article slug, and a bad ?from= is dropped', async () => {
    const good = await site.http.get('/en/courses/data-ai/data-engineer?from=what-does-a-data-engineer-do');
    expect(good.status).toBe(200);
    expect(good.text).toContain('<input type="hidden" name="from" value="what-does-a-data-engineer-do">');
    const bad = await site.http.get('/en/courses/data-ai/data-engineer?from=%3Cscript%3E');
    expect(bad.status).toBe(200);
    expect(bad.text).not.toContain('name="from"');
    expect(bad.text).not.toContain('<script>');
  });

  it('when a course URL uses another site language, then it redirects to the default language', async () => {
    const res = await site.http.get('/fr/courses/data-ai/data-engineer?from=x');
    expect(res.status).toBe(301);
    expect(res.headers.location).toBe('/en/courses/data-ai/data-engineer?from=x');
    expect((await site.http.get('/fr/courses')).headers.location).toBe('/en/courses');
    expect((await site.http.get('/de/courses')).status).toBe(404);
  });

  it('when the thank-you page is opened, then it thanks the reader by course name and is not indexed', async () => {
    const res = await site.http.get('/en/courses/data-ai/data-engineer/thanks');
    expect(res.status).toBe(200);
    expect(res.text).toContain('<h1>Thank you</h1>');
    expect(res.text).toContain('We have received your enquiry about the Data Engineer course.');
    expect(res.text).toContain('<meta name="robots" content="noindex">');
  });
});

const COURSE = (fm: Record<string, unknown>, body = 'About the course.\n') =>
  `---\n${Object.entries({
    title: 'Test Course',
    summary: 'Learn testing properly.',
    duration: '8 weeks',
    formats: [{ name: 'Evening', duration: '8 weeks', rhythm: 'Two evenings a week' }],
    modules: [{ title: 'Basics', description: 'The basics.' }],
    ...fm,
  })
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
    .join('\n')}\n---\n${body}`;

describe('a small site with its own course', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({
      sample: false,
      files: {
        'courses/testing/_area.yml': 'name: Testing\nintro: Courses about tests.\n',
        'courses/testing/test-course.md': COURSE({
          start_dates: ['2001-02-03', '2099-05-04', '2098-01-02'],
          faq: [{ question: 'Is it hard?', answer: 'Only <b>a bit</b>.' }],
        }),
        'courses/testing/no-dates.md': COURSE({ title: 'Undated Course' }),
        'articles/pointer.md': article({ title: 'Pointer article', cta: 'testing/test-course' }),
        'articles/linker.md': article(
          { title: 'Linker article', date: '2024-01-11' },
          'See [the course](/en/courses/testing/test-course) for more.\n',
        ),
        'articles/unrelated.md': article({ title: 'Unrelated article', date: '2024-01-12' }),
      },
    });
  });
  afterAll(async () => site.close());

  it('when start dates lie in the past, then only future ones are shown, soonest first and formatted', async () => {
    const res = await site.http.get('/en/courses/testing/test-course');
    const main = mainOf(res.text);
    expect(main).not.toContain('2001');
    const starts = main.slice(main.indexOf('Next start dates'));
    expect(starts.indexOf('January 2, 2098')).toBeGreaterThan(-1);
    expect(starts.indexOf('January 2, 2098')).toBeLessThan(starts.indexOf('May 4, 2099'));
    expect(main).toContain('<dt>Next start</dt><dd><time datetime="2098-01-02">January 2, 2098</time></dd>');
  });

  it('when a course has no future start date, then the page says dates will be announced', async () => {
    const main = mainOf((await site.http.get('/en/courses/testing/no-dates')).text);
    expect(main).toContain('<dt>Next start</dt><dd>To be announced</dd>');
    expect(main).toContain('New start dates will be announced soon.');
  });

  it('when course text contains markup, then it is shown as text', async () => {
    const main = mainOf((await site.http.get('/en/courses/testing/test-course')).text);
    expect(main).toContain('Only &lt;b&gt;a bit&lt;/b&gt;.');
  });

  it('when articles reach a course by cta field or by Markdown link, then both are listed and others are not', async () => {
    const main = mainOf((await site.http.get('/en/courses/testing/test-course')).text);
    expect(main).toContain('Articles about this course');
    expect(main).toContain('href="/en/pointer"');
    expect(main).toContain('href="/en/linker"');
    expect(main).not.toContain('href="/en/unrelated"');
    const other = mainOf((await site.http.get('/en/courses/testing/no-dates')).text);
    expect(other).not.toContain('Articles about this course');
  });

  it('when a course file breaks the schema, then each problem is reported as file:line and the course is not served', async () => {
    site.write({
      'courses/testing/broken.md':
        '---\ntitle: Broken\nsummary: Half done.\nduration: 3 weeks\nformats: nope\nmodules:\n  - title: One\nsurprise: true\n---\nBody.\n',
    });
    await site.reindex();
    const lines = site.lastReport.problems
      .filter((p) => p.file === 'courses/testing/broken.md')
      .map((p) => `${p.file}:${p.line}: ${p.message}`);
    expect(lines.some((l) => l.startsWith('courses/testing/broken.md:5: ') && /formats/.test(l))).toBe(true);
    expect(lines.some((l) => /^courses\/testing\/broken\.md:[67]: /.test(l) && /description/.test(l))).toBe(
      true,
    );
    expect(lines.some((l) => l.startsWith('courses/testing/broken.md:8: ') && /surprise/.test(l))).toBe(true);
    expect((await site.http.get('/en/courses/testing/broken')).status).toBe(404);
    expect((await site.http.get('/en/courses/testing/test-course')).status).toBe(200);
    site.write({ 'courses/testing/broken.md': null });
    await site.reindex();
  });
});
