// Where an imported post's images come from: the old site over HTTP, or a copy of wp-content/uploads on disk
// (--media-dir), mapped by the /wp-content/uploads/ part of the URL and never read outside that folder.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import {
  checkedImage,
  DEFAULT_LIMITS,
  fetchImage,
  tooLarge,
  type FetchLimits,
  type ImageResult,
} from './fetch-image.js';

export type ImageSource = (url: string) => Promise<ImageResult>;

export const networkSource =
  (limits: FetchLimits = DEFAULT_LIMITS): ImageSource =>
  (url) =>
    fetchImage(url, limits);

const UPLOADS = '/wp-content/uploads/';

/** The file under `root` that a WordPress upload URL names, or a reason it has none. */
export function uploadPath(
  root: string,
  url: string,
): { ok: true; path: string } | { ok: false; reason: string } {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { ok: false, reason: 'the address cannot be read' };
  }
  const at = pathname.indexOf(UPLOADS);
  if (at === -1) return { ok: false, reason: `not under ${UPLOADS}, so not in --media-dir` };
  const rest = pathname.slice(at + UPLOADS.length);
  const abs = resolve(root, ...rest.split('/'));
  const rel = relative(root, abs);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || rest.includes('\0'))
    return { ok: false, reason: 'the path leaves --media-dir; refused' };
  return { ok: true, path: abs };
}

export function diskSource(mediaDir: string, maxBytes = DEFAULT_LIMITS.maxBytes): ImageSource {
  const root = realpathSync(mediaDir);
  return (url) => {
    const found = uploadPath(root, url);
    if (!found.ok) return Promise.resolve(found);
    let real: string;
    try {
      // A symlink inside the uploads copy must not lead out of it either.
      real = realpathSync(found.path);
    } catch {
      return Promise.resolve({ ok: false, reason: `no file ${relative(root, found.path)} in --media-dir` });
    }
    if (!real.startsWith(root + sep))
      return Promise.resolve({ ok: false, reason: 'the path leaves --media-dir; refused' });
    const stat = statSync(real);
    if (!stat.isFile())
      return Promise.resolve({ ok: false, reason: `${relative(root, real)} is not a file` });
    if (stat.size > maxBytes) return Promise.resolve({ ok: false, reason: tooLarge(maxBytes) });
    return Promise.resolve(checkedImage(readFileSync(real)));
  };
}
