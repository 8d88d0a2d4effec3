// One schema per content type (article, course, site, authors, categories), with messages an editor can act on.
import { z } from 'zod';
import { parseIsoDate } from '../lib/dates.js';
import { SLUG_RE, slugify } from '../lib/slug.js';

/** One message when the key is missing, another when its value has the wrong type. */
const requiredOr = (missing: string, wrongType: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? missing : wrongType;

const slug = (what: string, missing = `${what} is required`) =>
  z.string({ error: requiredOr(missing, `${what} must be text`) }).regex(SLUG_RE, {
    error: (issue) => {
      const suggestion = typeof issue.input === 'string' ? slugify(issue.input) : '';
      const shown = typeof issue.input === 'string' ? ` "${issue.input}"` : '';
      return `${what}${shown} must be lowercase letters, digits and single hyphens (like "my-first-article")${suggestion ? `; try "${suggestion}"` : ''}`;
    },
  });

const ISO_EXAMPLE = 'an ISO date like 2026-03-12 or a date-time like 2026-03-12T09:30:00Z';
const ISO_SHAPE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Why `text` is not a usable date: not ISO at all, or ISO-shaped but absent from the calendar. */
function dateProblem(what: string, text: string): string | null {
  if (parseIsoDate(text) !== null) return null;
  if (!ISO_SHAPE.test(text.trim())) return `${what} "${text}" is not in ISO format; write ${ISO_EXAMPLE}`;
  const [y = 0, m = 0, d = 0] = text.trim().slice(0, 10).split('-').map(Number);
  const days = m >= 1 && m <= 12 ? new Date(Date.UTC(y, m, 0)).getUTCDate() : 0;
  if (days && d > days) {
    const month = new Date(Date.UTC(y, m - 1, 1)).toLocaleString('en', { month: 'long', timeZone: 'UTC' });
    return `${what} "${text}" does not exist: ${month} ${y} has ${days} days`;
  }
  return `${what} "${text}" is not a real date or time; check the month (01-12), day, hour (00-23) and minutes`;
}

const isoDate = (what: string, missing = `${what} is required: ${ISO_EXAMPLE}`) =>
  z.string({ error: requiredOr(missing, `${what} must be ${ISO_EXAMPLE}`) }).superRefine((text, ctx) => {
    const problem = dateProblem(what, text);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

const tooLong = (what: string, max: number) => (issue: { input?: unknown }) =>
  typeof issue.input === 'string'
    ? `${what} is ${issue.input.trim().length} characters long; keep it to ${max} or fewer`
    : `${what} is longer than ${max} characters`;

const sitePathOrUrl = z
  .string({ error: 'must be text' })
  .refine((s) => /^\/[^\s]*$/.test(s) || /^https?:\/\/[^\s]+$/.test(s), {
    error: 'must be a path under public/ starting with / (like /img/photo.svg) or an http(s) URL',
  })
  .refine((s) => !s.includes('..'), { error: 'must not contain ".."' });

const stringList = (what: string, max: number) =>
  z.array(z.string({ error: `each ${what} must be text` }).min(1, { error: `a ${what} cannot be empty` }).max(100), {
    error: `${what}s must be a list, like [one, two]`,
  }).max(max, { error: `at most ${max} ${what}s` });

export const articleSchema = z
  .strictObject(
    {
      title: z
        .string({ error: requiredOr('title is required: the headline readers see (1-200 characters)', 'title must be text') })
        .trim()
        .min(1, { error: 'title cannot be empty: write the headline readers see (1-200 characters)' })
        .max(200, { error: tooLong('title', 200) }),
      slug: slug('slug').optional(),
      date: isoDate('date', `date is required: the publication date, as ${ISO_EXAMPLE}`),
      updated: isoDate('updated').optional(),
      category: slug('category', 'category is required: one of the slugs in categories.yml'),
      tags: stringList('tag', 30).optional(),
      author: slug('author', 'author is required: one of the slugs in authors.yml'),
      excerpt: z
        .string({ error: 'excerpt must be text' })
        .trim()
        .min(1, { error: 'excerpt cannot be empty; remove the key to use the first paragraph' })
        .max(300, { error: tooLong('excerpt', 300) })
        .optional(),
      image: sitePathOrUrl.optional(),
      image_alt: z.string({ error: 'image_alt must be text' }).trim().min(1, { error: 'image_alt cannot be empty' }).max(300).optional(),
      cta: z
        .string({ error: 'cta must be a course slug' })
        .regex(/^([a-z0-9]+(-[a-z0-9]+)*\/)?[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'cta must be a course slug like data-engineer or data-ai/data-engineer' })
        .optional(),
      related: z.array(slug('each related entry'), { error: 'related must be a list of article slugs' }).max(20).optional(),
      aliases: z
        .array(
          z.string().regex(/^\/[A-Za-z0-9._~\-/%]*$/, { error: 'each alias must be a site path starting with /, like /en/old-name' }),
          { error: 'aliases must be a list of old paths' },
        )
        .max(50)
        .optional(),
      draft: z.boolean({ error: 'draft must be true or false' }).optional(),
      lang: z.string({ error: 'lang must be a language code' }).regex(/^[a-z]{2}(-[a-z]{2})?$/, { error: 'lang must be a language code like en or fr' }).optional(),
      translation_key: z.string({ error: 'translation_key must be text' }).min(1).max(100).optional(),
    },
    { error: (issue) => (issue.code === 'unrecognized_keys' ? undefined : 'front matter must be a set of key: value lines') },
  )
  .superRefine((fm, ctx) => {
    if (fm.image && !fm.image_alt) {
      ctx.addIssue({ code: 'custom', path: ['image'], message: 'image_alt is required when image is set: describe the picture for readers who cannot see it' });
    }
    if (fm.updated) {
      const d = parseIsoDate(fm.date), u = parseIsoDate(fm.updated);
      if (d !== null && u !== null && u < d) {
        ctx.addIssue({ code: 'custom', path: ['updated'], message: `updated (${fm.updated}) is before date (${fm.date}); it must be the same or later` });
      }
    }
  });
export type ArticleFrontMatter = z.infer<typeof articleSchema>;

const courseFormat = z.strictObject({
  name: z.string().min(1).max(100),
  duration: z.string().min(1).max(100),
  rhythm: z.string().min(1).max(200),
});

export const courseSchema = z.strictObject({
  title: z.string({ error: 'title is required' }).trim().min(1).max(200),
  summary: z.string({ error: 'summary is required: one line on what the course leads to' }).trim().min(1).max(300),
  duration: z.string({ error: 'duration is required, like "14 weeks"' }).min(1).max(200),
  formats: z.array(courseFormat, { error: 'formats must be a list of {name, duration, rhythm}' }).min(1, { error: 'list at least one format' }),
  modules: z
    .array(z.strictObject({ title: z.string().min(1).max(200), description: z.string().min(1).max(2000) }), { error: 'modules must be a list of {title, description}' })
    .min(1, { error: 'list at least one module' }),
  prerequisites: stringList('prerequisite', 30).default([]),
  outcomes: stringList('outcome', 30).default([]),
  certification: z.string().max(500).optional(),
  financing: stringList('financing option', 20).default([]),
  faq: z.array(z.strictObject({ question: z.string().min(1).max(300), answer: z.string().min(1).max(3000) }), { error: 'faq must be a list of {question, answer}' }).default([]),
  start_dates: z.array(isoDate('each start date'), { error: 'start_dates must be a list of ISO dates' }).default([]),
  cta_label: z.string().min(1).max(100).optional(),
  featured: z.boolean().optional(),
});
export type CourseFrontMatter = z.infer<typeof courseSchema>;

export const areaSchema = z.strictObject({
  name: z.string({ error: 'name is required' }).min(1).max(100),
  intro: z.string().max(2000).default(''),
  position: z.number().int().optional(),
});

export const siteSchema = z.strictObject({
  title: z.string({ error: 'title is required' }).min(1).max(100),
  description: z.string().max(300).default(''),
  url: z.string().regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?$/, { error: 'url must be an http(s) URL like https://example.com' }).optional(),
  default_language: z.string().regex(/^[a-z]{2}$/).default('en'),
  languages: z
    .array(z.strictObject({ code: z.string().regex(/^[a-z]{2}$/, { error: 'code must be a two-letter language code' }), name: z.string().min(1) }))
    .min(1)
    .default([{ code: 'en', name: 'English' }]),
  nav: z.array(z.strictObject({ label: z.string().min(1).max(60), href: z.string().regex(/^(\/|https?:\/\/)/, { error: 'href must be a site path or URL' }) })).default([]),
});
export type SiteConfig = z.infer<typeof siteSchema>;

export const authorsSchema = z.array(
  z.strictObject({
    slug: slug('slug'),
    name: z.string().min(1).max(100),
    bio: z.string().max(1000).default(''),
    avatar: sitePathOrUrl.optional(),
    url: z.string().regex(/^https?:\/\//, { error: 'url must be an http(s) URL' }).optional(),
  }),
  { error: 'authors.yml must be a list of {slug, name, bio}' },
);
export type AuthorInput = z.infer<typeof authorsSchema>[number];

export const categoriesSchema = z.array(
  z.strictObject({ slug: slug('slug'), name: z.string().min(1).max(100), description: z.string().max(500).default(''), parent: slug('parent').optional() }),
  { error: 'categories.yml must be a list of {slug, name, description}' },
);
export type CategoryInput = z.infer<typeof categoriesSchema>[number];
