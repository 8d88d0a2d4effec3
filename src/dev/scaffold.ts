// `npm run new` without the disk: argument parsing, unique slugs and the text of new article and course files.
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

const FLAGS: Record<NewRequest['kind'], { values: string[]; switches: string[] }> = {
  article: { values: ['category', 'author', 'lang', 'cta'], switches: ['draft'] },
  course: { values: ['area'], switches: [] },
};

/** Parses the words after `npm run new --`; errors are sentences for the terminal. */
export function parseNewArgs(
  argv: readonly string[],
): { ok: true; value: NewRequest } | { ok: false; error: string } {
  const fail = (error: string) => ({ ok: false as const, error: `${error}\n${NEW_USAGE}` });
  const [kind, ...rest] = argv;
  if (kind !== 'article' && kind !== 'course') return fail(`say what to create: article or course`);
  const words: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i] as string;
    if (!arg.startsWith('--')) {
      words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (FLAGS[kind].switches.includes(name) && eq === -1) switches.add(name);
    else if (FLAGS[kind].values.includes(name)) {
      const value = eq === -1 ? rest[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '' || value.startsWith('--'))
        return fail(`--${name} needs a value`);
      values.set(name, value);
    } else return fail(`unknown option ${arg} for ${kind}`);
  }
  const title = words.join(' ').trim();
  if (title === '') return fail(`give the ${kind} a title in quotes`);
  if (title.length > 200) return fail(`the title is ${title.length} characters; keep it to 200 or fewer`);
  if (kind === 'course') {
    const area = values.get('area');
    if (!area) return fail('--area is required for a course');
    return { ok: true, value: { kind, title, area } };
  }
  const category = values.get('category');
  if (!category) return fail('--category is required for an article');
  return {
    ok: true,
    value: {
      kind,
      title,
      category,
      author: values.get('author') ?? null,
      lang: values.get('lang') ?? null,
      cta: values.get('cta') ?? null,
      draft: switches.has('draft'),
    },
  };
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
