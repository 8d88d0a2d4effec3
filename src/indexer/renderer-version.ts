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

/** A digest of the content modules' code, the lib modules they import, and the rendering libraries' versions. */
export function rendererVersion(): string {
  if (memo) return memo;
  const hash = createHash('sha256');
  const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
  const libDir = fileURLToPath(new URL('../lib/', import.meta.url));
  const libs = new Set<string>();
  for (const name of readdirSync(contentDir).sort()) {
    if (!/\.[jt]s$/.test(name) || name.endsWith('.d.ts')) continue;
    const code = readFileSync(join(contentDir, name), 'utf8');
    hash.update(name).update(code);
    for (const m of code.matchAll(/from '\.\.\/lib\/([\w-]+)\.js'/g)) libs.add(m[1] ?? '');
  }
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? 'ts' : 'js';
  for (const lib of [...libs].sort()) hash.update(lib).update(readFileSync(join(libDir, `${lib}.${ext}`)));
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
