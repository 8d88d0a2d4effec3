// The image step of an index run, before rendering: every local raster image the files to render
// mention gets its variants made once (by content digest and settings), so the render workers find
// them in the cache and write <picture> markup. An image that cannot be converted is a warning on the
// line that names it; the article still publishes with the original file.
import { readFileSync, statSync } from 'node:fs';
import type { ContentProblem } from '../errors.js';
import { readManifest } from './cache.js';
import { catalogFor, publicFile, RASTER_FILE } from './catalog.js';
import { encodeVariants, imageProblem } from './encode.js';

/** Images worth a warning for their weight: readers on a phone download this much before any variant exists. */
export const HEAVY_IMAGE_BYTES = 2 * 1024 * 1024;
/** Images converted at once: each on one libvips thread, off the JavaScript thread. */
const PARALLEL = 2;

/**
 * Local raster paths a file mentions, with their lines: Markdown images, raw <img>, `image:` in front
 * matter, reference definitions. A superset is harmless (a path in a code sample gets variants too).
 */
export function mentionedImages(text: string): { path: string; line: number }[] {
  const found: { path: string; line: number }[] = [];
  const seen = new Set<string>();
  const re = /(?<![\w/.~-])(\/(?!\/)[^\s"'()<>[\]?#]+?\.(?:jpe?g|png|webp))(?=[\s"'()<>?#\]]|$)/gi;
  for (const m of text.matchAll(re)) {
    const path = m[1] ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    found.push({ path, line: text.slice(0, m.index).split('\n').length });
  }
  return found;
}

export interface ImageStepResult {
  problems: ContentProblem[];
  /** Images converted in this run (0 when every one was in the cache). */
  encoded: number;
}

function warning(file: string, line: number, code: string, message: string, hint: string): ContentProblem {
  return { file, line, code, message, hint, severity: 'warning' };
}

/**
 * `dirs.readOnly` (npm run check) converts nothing and writes nothing: images already in the cache are
 * judged by their manifest, others are decoded once to find out whether they could be converted.
 */
export async function imageStep(
  files: readonly { path: string; abs: string }[],
  dirs: { publicDir: string; cacheDir: string; readOnly?: boolean },
): Promise<ImageStepResult> {
  const catalog = catalogFor(dirs);
  const jobs = new Map<
    string,
    { bytes: () => Buffer; users: { file: string; line: number; src: string }[] }
  >();
  const problems: ContentProblem[] = [];
  for (const f of files) {
    let text: string;
    try {
      text = readFileSync(f.abs, 'utf8');
    } catch {
      continue;
    }
    for (const { path, line } of mentionedImages(text)) {
      const abs = publicFile(dirs.publicDir, decodeSafe(path));
      if (!abs || !RASTER_FILE.test(abs)) continue;
      let size: number;
      try {
        size = statSync(abs).size;
      } catch {
        continue; // a missing image is reported by the reference checks
      }
      if (size > HEAVY_IMAGE_BYTES)
        problems.push(
          warning(
            f.path,
            line,
            'image-heavy',
            `image ${path} is ${(size / 1048576).toFixed(1)} MB`,
            'readers get resized variants, but keep originals under 2 MB: export at 2,400 px wide or less',
          ),
        );
      const key = catalog.keyOf(decodeSafe(path));
      if (!key) continue;
      const job = jobs.get(key) ?? { bytes: () => readFileSync(abs), users: [] };
      job.users.push({ file: f.path, line, src: path });
      jobs.set(key, job);
    }
  }
  let encoded = 0;
  const queue = [...jobs.entries()];
  const work = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [key, job] = next;
      let manifest = readManifest(dirs.cacheDir, key);
      if (!manifest && dirs.readOnly) {
        const reason = await imageProblem(job.bytes());
        manifest = reason ? { ok: false, reason } : null;
      } else if (!manifest) {
        manifest = await encodeVariants(job.bytes(), key, dirs.cacheDir);
        encoded++;
      }
      if (manifest && !manifest.ok)
        for (const u of job.users)
          problems.push(
            warning(
              u.file,
              u.line,
              'image-unusable',
              `image ${u.src} is served without variants: ${manifest.reason}`,
              'export it again as JPEG or PNG, under 40 megapixels',
            ),
          );
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, work));
  return { problems, encoded };
}

function decodeSafe(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
