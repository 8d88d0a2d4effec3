// Which rendering code produced the stored HTML, so an upgraded Folio renders every file again once (a
// sanitiser fix must reach articles nobody has edited since).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../paths.js';

/** Libraries whose upgrades change rendered HTML or validation. */
const LIBRARIES = ['marked', 'sanitize-html', 'highlight.js', 'github-slugger', 'yaml', 'zod'];

let memo: string | null = null;

/** A digest of the content and lib modules' code and of the rendering libraries' versions. */
export function rendererVersion(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  for (const folder of ['../content/', '../lib/']) {
    const dir = fileURLToPath(new URL(folder, import.meta.url));
    for (const name of readdirSync(dir).sort())
      if (/\.[jt]s$/.test(name) && !name.endsWith('.d.ts'))
        hash.update(name).update(readFileSync(join(dir, name)));
  }
  for (const lib of LIBRARIES) {
    try {
      const { version } = JSON.parse(
        readFileSync(join(projectRoot, 'node_modules', lib, 'package.json'), 'utf8'),
      ) as {
        version?: string;
      };
      hash.update(`${lib}@${version ?? ''}`);
    } catch {
      hash.update(`${lib}@missing`);
    }
  }
  memo = hash.digest('hex').slice(0, 16);
  return memo;
}
