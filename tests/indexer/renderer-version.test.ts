import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rendererDigest, type RendererSources } from '../../src/indexer/renderer-version.js';
import { projectRoot } from '../../src/paths.js';

const contentDir = join(projectRoot, 'src/content');
const content = readdirSync(contentDir)
  .filter((name) => name.endsWith('.ts'))
  .map((name) => ({ name, code: readFileSync(join(contentDir, name), 'utf8') }));
const sources = (versions: Record<string, string> = {}): RendererSources => ({
  content,
  libCode: (name) => readFileSync(join(projectRoot, 'src/lib', `${name}.ts`), 'utf8'),
  packageVersion: (name) => versions[name] ?? '1.0.0',
});

describe('the renderer version (stored HTML is rendered again when it changes)', () => {
  it.each(['parse5', 'entities'])(
    'when %s, which builds the stored body, is upgraded, then the version changes',
    (pkg) => {
      expect(rendererDigest(sources({ [pkg]: '99.0.0' }))).not.toBe(rendererDigest(sources()));
    },
  );
});
