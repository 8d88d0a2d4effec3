// Brings the remote images an imported article uses (its featured image and every Markdown image) into
// public/media/<yyyy>/<mm>/ and points the Markdown at the local copies; a failed image keeps its remote URL
// and is reported, so an import never loses a picture it could not fetch.
import type { ImageSource } from './image-sources.js';
import type { MediaStore } from './media-store.js';

export interface ImportedText {
  path: string;
  text: string;
  notes: string[];
}

export interface MediaOutcome {
  saved: number;
  failed: { article: string; url: string; reason: string }[];
}

const INLINE = /!\[[^\]\n]*\]\(((?:\\.|[^\s()\\])+)(?:\s+"[^"\n]*")?\)/g;
const FEATURED = /^image: ("?)(https?:\/\/[^\s"]+)\1$/m;

const unescapeMd = (url: string) => url.replace(/\\([()])/g, '$1').replace(/%20/g, ' ');
const escapeMd = (url: string) => url.replace(/ /g, '%20').replace(/([()])/g, '\\$1');

/** Remote image URLs in an article, featured image first, each once. */
export function imageUrls(text: string): string[] {
  const urls = [
    FEATURED.exec(text)?.[2] ?? '',
    ...[...text.matchAll(INLINE)].map((m) => unescapeMd(m[1] ?? '')),
  ];
  return [...new Set(urls.filter((u) => /^https?:\/\//i.test(u)))];
}

/** yyyy/mm from a WordPress upload URL (/uploads/2023/05/), else from the article's date. */
export function monthOf(url: string, text: string): string {
  const fromUrl = /\/uploads\/(\d{4})\/(\d{2})\//.exec(url);
  if (fromUrl) return `${fromUrl[1] ?? ''}/${fromUrl[2] ?? ''}`;
  const date = /^date: "?(\d{4})-(\d{2})/m.exec(text);
  const now = new Date();
  return date
    ? `${date[1] ?? ''}/${date[2] ?? ''}`
    : `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
}

export function rewriteImage(text: string, url: string, local: string): string {
  const inline = text.split(`](${escapeMd(url)}`).join(`](${local}`);
  return inline.replace(FEATURED, (line, _q: string, found: string) =>
    found === url ? `image: ${local}` : line,
  );
}

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').pop() ?? '';
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

/** Runs `work` over `items` with at most `limit` at a time, in order of the results. */
async function pool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}

export async function localiseImages(
  articles: ImportedText[],
  source: ImageSource,
  store: MediaStore,
  concurrency = 4,
  progress?: (done: number, total: number) => void,
): Promise<MediaOutcome> {
  const outcome: MediaOutcome = { saved: 0, failed: [] };
  const jobs = articles.flatMap((article) => imageUrls(article.text).map((url) => ({ article, url })));
  // The same URL in several posts is fetched once.
  const fetched = new Map<string, ReturnType<ImageSource>>();
  let done = 0;
  const results = await pool(jobs, concurrency, async ({ url }) => {
    let pending = fetched.get(url);
    if (!pending) fetched.set(url, (pending = source(url)));
    const result = await pending;
    progress?.(++done, jobs.length);
    return result;
  });
  jobs.forEach(({ article, url }, i) => {
    const result = results[i];
    if (!result) return;
    if (!result.ok) {
      outcome.failed.push({ article: article.path, url, reason: result.reason });
      article.notes.push(`image ${url} still loads from the old site: ${result.reason}`);
      return;
    }
    const local = store.save(monthOf(url, article.text), fileNameOf(url), result.bytes, result.kind);
    article.text = rewriteImage(article.text, url, local);
    outcome.saved++;
  });
  for (const article of articles) {
    // The converter's "still loads from the old host" note is no longer true once the featured image is local.
    const stale = article.notes.findIndex((n) => n.startsWith('the featured image still loads from'));
    if (stale !== -1 && !FEATURED.test(article.text)) article.notes.splice(stale, 1);
  }
  return outcome;
}
