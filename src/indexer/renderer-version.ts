// Which rendering code produced the stored HTML, so an upgraded Folio renders every file again once (a
// sanitiser fix must reach articles nobody has edited since).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../paths.js';

/** Libraries the content modules use through another library, whose upgrades change rendered HTML. */
const INDIRECT_LIBRARIES = ['entities'];

/** The npm package a bare import names (`highlight.js/lib/core` → `highlight.js`); null for relative and node: ones. */
function packageOf(specifier: string): string | null {
  if (specifier.startsWith('.') || specifier.startsWith('node:')) return null;
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

export interface RendererSources {
  /** The content modules, by file name. */
  content: readonly { name: string; code: string }[];
  /** The code of a lib module a content module imports (`../lib/<name>.js`). */
  libCode: (name: string) => string;
  /** The installed version of an npm package, undefined when it is missing. */
  packageVersion: (name: string) => string | undefined;
}

/**
 * A digest of the content modules' code, the lib modules they import, and the version of every library
 * any of them imports: adding a library to the content code (parse5) makes stored HTML render again.
 */
export function rendererDigest(sources: RendererSources): string {
  const hash = createHash('sha256');
  const libs = new Set<string>();
  const packages = new Set(INDIRECT_LIBRARIES);
  const scan = (code: string) => {
    for (const m of code.matchAll(/from '([^']+)'/g)) {
      const pkg = packageOf(m[1] ?? '');
      if (pkg) packages.add(pkg);
    }
  };
  for (const { name, code } of [...sources.content].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    hash.update(name).update(code);
    for (const m of code.matchAll(/from '\.\.\/lib\/([\w-]+)\.js'/g)) libs.add(m[1] ?? '');
    scan(code);
  }
  for (const lib of [...libs].sort()) {
    const code = sources.libCode(lib);
    hash.update(lib).update(code);
    scan(code);
  }
  for (const pkg of [...packages].sort()) hash.update(`${pkg}@${sources.packageVersion(pkg) ?? 'missing'}`);
  return hash.digest('hex').slice(0, 16);
}

let memo: string | null = null;

export function rendererVersion(): string {
  if (memo) return memo;
  const contentDir = fileURLToPath(new URL('../content/', import.meta.url));
  const libDir = fileURLToPath(new URL('../lib/', import.meta.url));
  const ext = fileURLToPath(import.meta.url).endsWith('.ts') ? 'ts' : 'js';
  const content = readdirSync(contentDir)
    .filter((name) => /\.[jt]s$/.test(name) && !name.endsWith('.d.ts'))
    .map((name) => ({ name, code: readFileSync(join(contentDir, name), 'utf8') }));
  memo = rendererDigest({
    content,
    libCode: (name) => readFileSync(join(libDir, `${name}.${ext}`), 'utf8'),
    packageVersion: (name) => {
      try {
        const file = join(projectRoot, 'node_modules', name, 'package.json');
        return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? '';
      } catch {
        return undefined;
      }
    },
  });
  return memo;
}
