// `npm run new` without the disk: argument parsing, unique slugs and the text of new article and course files.
import { parseCommandLine, UsageError } from '../cli/args.js';
import { slugify } from '../lib/slug.js';

export type NewRequest =
  | {
      kind: 'article';
      title: string;
      category: string;
      author: string | null;
      lang: string | null;
      cta: string | null;
      draft: boolean;
    }
  | { kind: 'course'; title: string; area: string };

export const NEW_USAGE = [
  'usage: npm run new -- article "Title" --category <slug> [--author <slug>] [--lang <code>] [--cta <course>] [--draft]',
  '       npm run new -- course "Title" --area <area>',
].join('\n');

/** Every flag `npm run new` knows; which of them a kind takes is checked after parsing. */
export const NEW_OPTIONS = {
  category: { type: 'string' },
  author: { type: 'string' },
  lang: { type: 'string' },
  cta: { type: 'string' },
  draft: { type: 'boolean' },
  area: { type: 'string' },
} as const;

type NewValues = {
  [K in keyof typeof NEW_OPTIONS]?: (typeof NEW_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

const FLAGS: Record<NewRequest['kind'], readonly (keyof typeof NEW_OPTIONS)[]> = {
  article: ['category', 'author', 'lang', 'cta', 'draft'],
  course: ['area'],
};

type Parsed = { ok: true; value: NewRequest } | { ok: false; error: string };

/** What the parsed words and flags ask for; errors are sentences for the terminal, followed by the usage. */
export function newRequest(values: NewValues, words: readonly string[]): Parsed {
  const fail = (error: string) => ({ ok: false as const, error: `${error}\n${NEW_USAGE}` });
  const [kind, ...rest] = words;
  if (kind !== 'article' && kind !== 'course') return fail(`say what to create: article or course`);
  for (const name of Object.keys(values) as (keyof NewValues)[])
    if (values[name] !== undefined && !FLAGS[kind].includes(name))
      return fail(`unknown option --${name} for ${kind}`);
  const title = rest.join(' ').trim();
  if (title === '') return fail(`give the ${kind} a title in quotes`);
  if (title.length > 200) return fail(`the title is ${title.length} characters; keep it to 200 or fewer`);
  if (kind === 'course') {
    const area = values.area;
    if (!area) return fail('--area is required for a course');
    return { ok: true, value: { kind, title, area } };
  }
  const category = values.category;
  if (!category) return fail('--category is required for an article');
  return {
    ok: true,
    value: {
      kind,
      title,
      category,
      author: values.author || null,
      lang: values.lang || null,
      cta: values.cta || null,
      draft: values.draft === true,
    },
  };
}

/** Parses the words after `npm run new --` (strictly: an unknown flag or a missing value is an error). */
export function parseNewArgs(argv: readonly string[]): Parsed {
  try {
    const parsed = parseCommandLine({ usage: NEW_USAGE, options: NEW_OPTIONS, positionals: true }, argv);
    if (parsed === 'help') return { ok: false, error: NEW_USAGE };
    return newRequest(parsed.values, parsed.positionals);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { ok: false, error: `${error.message}\n${NEW_USAGE}` };
  }
}

/** The title's slug, or with -2, -3… appended until it is free. */
export function uniqueSlug(title: string, fallback: string, isTaken: (slug: string) => boolean): string {
  const base = slugify(title).slice(0, 70).replace(/-+$/, '') || fallback;
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) if (!isTaken(`${base}-${n}`)) return `${base}-${n}`;
}

/** A YAML scalar that is always read back as the same string. */
const yamlString = (s: string) => JSON.stringify(s);

export function articleText(a: {
  title: string;
  slug: string;
  date: string;
  category: string;
  author: string;
  lang: string | null;
  cta: string | null;
  draft: boolean;
}): string {
  const lines = [
    '---',
    `title: ${yamlString(a.title)}`,
    `slug: ${a.slug}`,
    `date: ${a.date}`,
    `category: ${a.category}`,
    'tags: []',
    `author: ${a.author}`,
    ...(a.lang ? [`lang: ${a.lang}`] : []),
    ...(a.cta ? [`cta: ${a.cta}`] : []),
    ...(a.draft ? ['draft: true'] : []),
    '---',
    'Write the opening paragraph here: it becomes the excerpt in listings, feeds and search results',
    'unless you set `excerpt:` above.',
    '',
    '## A first section',
    '',
    'Link to other articles by their path (like `[words](/en/their-slug)`) and add a call to action on a',
    'line of its own: `::cta[Button label]{course=area/course-slug}`.',
    '',
  ];
  return lines.join('\n');
}

export function courseText(title: string): string {
  return [
    '---',
    `title: ${yamlString(title)}`,
    'summary: One sentence on what this course leads to.',
    'duration: 12 weeks',
    'formats:',
    '  - name: Full-time',
    '    duration: 12 weeks',
    '    rhythm: Monday to Friday, 9:00-17:30',
    'modules:',
    '  - title: First module',
    '    description: What learners do and can do at the end of this module.',
    'prerequisites: []',
    'outcomes: []',
    'faq: []',
    'start_dates: []',
    '---',
    'Describe the course for someone deciding whether to enrol: who it is for, how it is taught and what',
    'they will be able to do afterwards.',
    '',
  ].join('\n');
}

/** Today's date in UTC (YYYY-MM-DD): never in the future, so a new article is never scheduled by accident. */
export function isoDay(now: number): string {
  return new Date(now).toISOString().slice(0, 10);
}
