// Images an imported Markdown file uses from its own folder (`./photo.png`, Hugo page bundles) or from the
// site it came from (`/images/a.png` under static/ or public/): copied into public/media/<yyyy>/<mm>/.
// Only files inside the folder being imported are read; anything else is refused.
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { checkedImage, tooLarge } from '../media/fetch-image.js';
import type { MediaStore } from '../media/media-store.js';
import type { ImageLookup, MdSource } from './plan-md-import.js';

const inside = (root: string, abs: string) => {
  const rel = relative(root, abs);
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
};

function candidates(root: string, source: MdSource, ref: string): string[] {
  if (ref.startsWith('/')) return ['', 'static', 'public', 'assets', 'src'].map((d) => join(root, d, ref));
  return [resolve(dirname(source.abs), ref)];
}

export function localImageLookup(store: MediaStore, maxBytes = 20 * 1024 * 1024): ImageLookup {
  const saved = new Map<string, string>();
  return (source, written, month) => {
    const realRoot = realpathSync(source.root);
    let ref = written.split(/[?#]/)[0] ?? '';
    try {
      ref = decodeURIComponent(ref);
    } catch {
      /* keep it as written */
    }
    for (const candidate of candidates(realRoot, source, ref)) {
      let abs: string;
      try {
        abs = realpathSync(candidate);
      } catch {
        continue;
      }
      if (!inside(realRoot, abs)) return { ok: false, reason: 'it is outside the folder being imported' };
      const known = saved.get(abs);
      if (known) return { ok: true, path: known };
      const stat = statSync(abs);
      if (!stat.isFile()) continue;
      if (stat.size > maxBytes) return { ok: false, reason: tooLarge(maxBytes) };
      const image = checkedImage(readFileSync(abs));
      if (!image.ok) return { ok: false, reason: image.reason };
      const path = store.save(month, basename(abs), image.bytes, image.kind);
      saved.set(abs, path);
      return { ok: true, path };
    }
    return { ok: false, reason: 'no such file next to the article' };
  };
}
