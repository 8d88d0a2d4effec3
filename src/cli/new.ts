// `npm run new -- article "Title" --category <slug>` (or `course "Title" --area <area>`): writes a new content
// file with valid front matter and a unique slug, and prints its path and URL.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { loadConfig } from '../config.js';
import { splitFrontMatter } from '../content/front-matter.js';
import { authorsSchema, categoriesSchema, siteSchema } from '../content/schema.js';
import {
  articleText,
  courseText,
  isoDay,
  NEW_OPTIONS,
  NEW_USAGE,
  newRequest,
  uniqueSlug,
  type NewRequest,
} from '../dev/scaffold.js';
import { loadYamlFile } from '../indexer/load-config-files.js';
import { readScanned, scanContent, type ScannedFile } from '../indexer/scan.js';
import { formatReport } from '../indexer/report.js';
import { CommandFailure, UsageError, type CommandArgs } from './args.js';
import { runCommand } from './run-command.js';
import { articlePath, coursePath } from '../lib/urls.js';

const SPEC = {
  usage: `${NEW_USAGE}

Writes a new content file with valid front matter and a slug no other article (or course) has, under
CONTENT_DIR, and prints its path and URL. Names are checked against categories.yml, authors.yml, site.yml
and content/courses/.

  --category <slug>   the article's category (required for an article)
  --author <slug>     its author (default: the first in authors.yml)
  --lang <code>       its language (default: site.yml's default language)
  --cta <course>      the course its call to action points to
  --draft             write it as a draft (see it with npm run dev or npm run preview)
  --area <area>       the course's area (required for a course)
  -h, --help          print this help`,
  options: NEW_OPTIONS,
  positionals: true,
} as const;

function load<T>(
  files: ScannedFile[],
  name: string,
  parse: (text: string) => ReturnType<typeof loadYamlFile>,
): T {
  const file = files.find((f) => f.path === name);
  if (!file?.text) throw new CommandFailure(`${name} is missing or unreadable in the content folder`);
  const result = parse(file.text);
  if (!result.ok)
    throw new CommandFailure(
      `${formatReport(result.problems).join('\n')}\nfix ${name} first (npm run check)`,
    );
  return result.value as T;
}

function oneOf(what: string, value: string, valid: readonly string[], where: string): void {
  if (!valid.includes(value))
    throw new CommandFailure(
      `unknown ${what} "${value}": use one of ${valid.join(', ') || '(none yet)'} (from ${where})`,
    );
}

function create(request: NewRequest, contentDir: string, siteUrl: string | null, now: number) {
  const files = scanContent(contentDir);
  for (const f of files) if (f.kind !== 'course') readScanned(f, 10_000_000);
  const site = load<{ default_language: string; languages: { code: string }[]; url?: string }>(
    files,
    'site.yml',
    (t) => loadYamlFile('site.yml', t, siteSchema),
  );
  const base = siteUrl ?? site.url?.replace(/\/+$/, '') ?? 'http://localhost:3000';
  const lang0 = site.default_language;

  if (request.kind === 'course') {
    const areas = files.filter((f) => f.kind === 'area').map((f) => f.path.split('/')[1] ?? '');
    oneOf('area', request.area, areas, 'content/courses/<area>/_area.yml');
    // Unique across areas too, so that `cta: <slug>` stays unambiguous.
    const taken = new Set(
      files.filter((f) => f.kind === 'course').map((f) => f.path.split('/')[2]?.replace(/\.md$/i, '')),
    );
    const slug = uniqueSlug(request.title, 'course', (s) => taken.has(s));
    const path = join('courses', request.area, `${slug}.md`);
    return { path, text: courseText(request.title), url: base + coursePath(lang0, request.area, slug) };
  }

  const categories = load<{ slug: string }[]>(files, 'categories.yml', (t) =>
    loadYamlFile('categories.yml', t, categoriesSchema),
  );
  const authors = load<{ slug: string }[]>(files, 'authors.yml', (t) =>
    loadYamlFile('authors.yml', t, authorsSchema),
  );
  oneOf(
    'category',
    request.category,
    categories.map((c) => c.slug),
    'categories.yml',
  );
  const author = request.author ?? authors[0]?.slug;
  if (!author) throw new CommandFailure('authors.yml lists no authors: add one first');
  oneOf(
    'author',
    author,
    authors.map((a) => a.slug),
    'authors.yml',
  );
  const lang = request.lang ?? lang0;
  oneOf(
    'language',
    lang,
    site.languages.map((l) => l.code),
    'languages in site.yml',
  );
  if (request.cta) {
    const courses = files
      .filter((f) => f.kind === 'course')
      .map((f) => f.path.replace(/^courses\//, '').replace(/\.md$/i, ''));
    const ok =
      courses.includes(request.cta) || courses.filter((c) => c.endsWith(`/${request.cta}`)).length === 1;
    if (!ok) oneOf('course', request.cta, courses, 'content/courses/');
  }

  // Slugs are unique per language; a slug is the front matter's `slug` or else the file name.
  const taken = new Set<string>();
  for (const f of files) {
    if (f.kind !== 'article' || f.text === undefined) continue;
    const split = splitFrontMatter(f.text);
    const data =
      split.ok && split.value.data && typeof split.value.data === 'object'
        ? (split.value.data as Record<string, unknown>)
        : {};
    const fileSlug = f.path.split('/').pop()?.replace(/\.md$/i, '') ?? '';
    const slug = typeof data.slug === 'string' ? data.slug : fileSlug;
    const articleLang = typeof data.lang === 'string' ? data.lang : lang0;
    if (articleLang === lang) taken.add(slug);
  }
  const folder = lang === lang0 ? join('articles', request.category) : join('articles', lang);
  const slug = uniqueSlug(
    request.title,
    'article',
    (s) => taken.has(s) || existsSync(join(contentDir, folder, `${s}.md`)),
  );
  const text = articleText({
    title: request.title,
    slug,
    date: isoDay(now),
    category: request.category,
    author,
    lang: lang === lang0 ? null : lang,
    cta: request.cta,
    draft: request.draft,
  });
  return { path: join(folder, `${slug}.md`), text, url: base + articlePath(lang, slug) };
}

function main({ values, positionals }: CommandArgs<typeof SPEC.options>): number {
  const parsed = newRequest(values, positionals);
  if (!parsed.ok) throw new UsageError(parsed.error);
  const config = loadConfig(process.env);
  if (!existsSync(config.contentDir))
    throw new CommandFailure(`CONTENT_DIR ${config.contentDir} does not exist`);
  const made = create(parsed.value, config.contentDir, config.siteUrl, Date.now());
  const abs = join(config.contentDir, made.path);
  mkdirSync(dirname(abs), { recursive: true });
  writeFileSync(abs, made.text, { flag: 'wx' });
  const shown = relative(process.cwd(), abs);
  console.log(`created ${shown.startsWith('..') ? abs : shown}`);
  console.log(`url     ${made.url}`);
  if (parsed.value.kind === 'article' && parsed.value.draft) {
    console.log('it is a draft: remove `draft: true` to publish it');
    // The url above is a 404 for readers until then: say where the draft can be seen meanwhile.
    const slug = made.url.slice(made.url.lastIndexOf('/') + 1);
    console.log(
      `see it: npm run dev serves drafts at the url above; npm run preview -- ${slug} prints a link to share`,
    );
  }
  return 0;
}

runCommand(SPEC, main);
