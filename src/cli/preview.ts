// `npm run preview -- <slug | path/to/article.md> [--days N] [--lang xx]`: prints a signed link that shows a
// draft or scheduled article to whoever holds it until it expires. The link is the last line of stdout
// (so `npm run -s preview -- x | tail -1` is the URL); what it opens and when it expires go to stderr.
import { existsSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { loadConfig, type Config } from '../config.js';
import { createArticleLookup, type IndexedArticle } from '../db/article-lookup.js';
import type { Db } from '../db/connection.js';
import { openMigrated } from '../db/database.js';
import { previewSecret } from '../db/site-secrets.js';
import { createSiteRepo } from '../db/site-repo.js';
import { signPreview } from '../lib/preview-token.js';
import { when } from '../http/view-models/preview-banner.js';
import { CommandFailure, UsageError, type CommandArgs } from './args.js';
import { paletteFor } from './colour.js';
import { runCommand } from './run-command.js';
import { articlePath } from '../lib/urls.js';

const MAX_DAYS = 90;
const DAY_MS = 86_400_000;

const USAGE = `usage: npm run preview -- <slug | path/to/article.md> [options]

Prints a link to a draft or scheduled article that works for anyone who has it, until it expires.
The link is the last line of stdout; what it opens and its expiry are printed to stderr.

  --days <n>    how long the link works, a whole number of days from 1 to ${MAX_DAYS} (default 7)
  --lang <xx>   the article's language, when its slug exists in more than one
  -h, --help    print this help

Under npm run dev, drafts and scheduled articles are shown at their own URL: no link needed.
Links are signed with PREVIEW_SECRET, or with a key generated once and kept in the database.`;

const SPEC = {
  usage: USAGE,
  options: { days: { type: 'string' }, lang: { type: 'string' } },
  positionals: true,
} as const;

interface Request {
  target: string;
  days: number;
  lang: string | null;
}

function request({ values, positionals }: CommandArgs<typeof SPEC.options>): Request {
  if (positionals.length !== 1)
    throw new UsageError('give one article: its slug or its file (npm run preview -- --help)');
  const rawDays = values.days ?? '7';
  const days = Number(rawDays);
  if (!/^\d+$/.test(rawDays) || days < 1 || days > MAX_DAYS)
    throw new UsageError(`--days ${rawDays}: use a whole number of days from 1 to ${MAX_DAYS}`);
  const lang = values.lang ?? null;
  if (lang !== null && !/^[a-z]{2,3}(-[a-z0-9]{2,8})?$/i.test(lang))
    throw new UsageError(`--lang ${lang}: use a language code such as en or fr`);
  return { target: positionals[0] ?? '', days, lang: lang?.toLowerCase() ?? null };
}

/** A path argument (it names a file) as the indexer stores it: relative to CONTENT_DIR, forward slashes. */
function sourcePath(target: string, contentDir: string): string {
  const abs = isAbsolute(target) ? target : resolve(process.cwd(), target);
  const inside = relative(contentDir, abs);
  if (inside.startsWith('..') || isAbsolute(inside))
    throw new CommandFailure(`${target} is not inside CONTENT_DIR (${contentDir})`);
  return inside.split(sep).join('/');
}

function findArticle(db: Db, request: Request, contentDir: string): IndexedArticle {
  const lookup = createArticleLookup(db);
  if (!lookup.indexed()) throw new CommandFailure('not indexed yet: run npm run index, then try again');
  const isFile = /\.(md|markdown)$/i.test(request.target) || request.target.includes('/');
  if (isFile) {
    const path = sourcePath(request.target, contentDir);
    const found = lookup.bySource(path);
    if (found) return found;
    throw new CommandFailure(
      existsSync(resolve(contentDir, path))
        ? `${request.target} is not indexed yet (or has errors): run npm run index, then npm run check`
        : `${request.target}: no such file in CONTENT_DIR`,
    );
  }
  const matches = lookup.bySlug(request.target).filter((a) => !request.lang || a.lang === request.lang);
  const first = matches[0];
  if (!first)
    throw new CommandFailure(
      `no article with the slug "${request.target}"${request.lang ? ` in ${request.lang}` : ''}: check the slug, or run npm run index if it is new`,
    );
  if (matches.length > 1)
    throw new CommandFailure(
      `"${request.target}" is an article in ${matches.map((a) => a.lang).join(', ')}: add --lang to choose one`,
    );
  return first;
}

function statusOf(a: IndexedArticle, now: number): string {
  if (a.draft) return 'draft';
  if (a.published_at > now) return `scheduled for ${when(a.published_at)}`;
  return 'already published: the link shows the public page';
}

function main(args: CommandArgs<typeof SPEC.options>): number {
  const wanted = request(args);
  const config: Config = loadConfig(process.env);
  if (config.dbPath !== ':memory:' && !existsSync(config.dbPath))
    throw new CommandFailure(`not indexed yet: there is no database at ${config.dbPath}; run npm run index`);
  const db = openMigrated(config.dbPath);
  try {
    const article = findArticle(db, wanted, config.contentDir);
    const now = Date.now();
    const expiresAt = now + wanted.days * DAY_MS;
    const token = signPreview(article, expiresAt, previewSecret(db, config.previewSecret));
    const base =
      config.siteUrl ??
      createSiteRepo(db).site().url?.replace(/\/+$/, '') ??
      `http://localhost:${config.port}`;
    const note = paletteFor(process.stderr, process.env).note;
    console.error(note(`${article.title} (${article.source_path}): ${statusOf(article, now)}`));
    console.error(
      note(`the link works until ${when(expiresAt)} (${wanted.days} day${wanted.days === 1 ? '' : 's'})`),
    );
    console.log(`${base}${articlePath(article.lang, article.slug)}?preview=${token}`);
    return 0;
  } finally {
    db.close();
  }
}

runCommand(SPEC, main);
