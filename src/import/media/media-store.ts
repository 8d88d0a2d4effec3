// Where imported images land: public/media/<yyyy>/<mm>/<name>, one copy per content (sha-256), and never over
// a different file that already has the name (the new one gets a hash suffix instead).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImageKind } from './image-bytes.js';

export interface MediaStore {
  /** Saves `bytes` (or finds an identical file already saved) and returns its site path, like /media/2024/05/a.png. */
  save(month: string, name: string, bytes: Uint8Array, kind: ImageKind): string;
  /** Files written so far (site paths); none in a dry run. */
  readonly written: readonly string[];
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A safe file name: the original's base, lower-case letters, digits, dots and hyphens, with the real extension. */
export function mediaFileName(name: string, kind: ImageKind): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\.[^.]*$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `${base || 'image'}.${kind}`;
}

/** `month` is `yyyy/mm`; anything else is refused so a caller can never write outside public/media. */
export function createMediaStore(publicDir: string, options: { dryRun: boolean }): MediaStore {
  const byHash = new Map<string, string>();
  const names = new Set<string>();
  const seeded = new Set<string>();
  const written: string[] = [];

  // Files already in the month folder count: importing twice must not make second copies.
  const seed = (dir: string, month: string) => {
    if (seeded.has(month)) return;
    seeded.add(month);
    if (!existsSync(dir)) return;
    for (const file of readdirSync(dir)) {
      const abs = join(dir, file);
      if (!statSync(abs).isFile()) continue;
      names.add(`${month}/${file}`);
      const hash = sha256(readFileSync(abs));
      if (!byHash.has(hash)) byHash.set(hash, `/media/${month}/${file}`);
    }
  };

  const save = (month: string, name: string, bytes: Uint8Array, kind: ImageKind): string => {
    if (!/^\d{4}\/\d{2}$/.test(month)) throw new Error(`media folder ${month} is not yyyy/mm`);
    const dir = join(publicDir, 'media', ...month.split('/'));
    seed(dir, month);
    const hash = sha256(bytes);
    const known = byHash.get(hash);
    if (known) return known;
    let file = mediaFileName(name, kind);
    if (names.has(`${month}/${file}`)) file = file.replace(/(\.[a-z0-9]+)$/, `-${hash.slice(0, 8)}$1`);
    names.add(`${month}/${file}`);
    const sitePath = `/media/${month}/${file}`;
    byHash.set(hash, sitePath);
    if (!options.dryRun) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, file), bytes, { flag: 'wx' });
      written.push(sitePath);
    }
    return sitePath;
  };
  return { save, written };
}
