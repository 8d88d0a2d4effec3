// import:wp's progress: the conversion and the downloads report (done, total) as they go, for the indexer's
// reporter to show as count, rate and time left.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planImport } from '../../src/import/import-plan.js';
import { buildInventory } from '../../src/import/inventory.js';
import { localiseImages } from '../../src/import/media/localise-images.js';
import type { MediaStore } from '../../src/import/media/media-store.js';
import { parseWpExport } from '../../src/import/wp-record.js';
import { progressLine } from '../../src/indexer/progress.js';
import { projectRoot } from '../../src/paths.js';

describe('import progress', () => {
  it('when posts are converted, then progress counts every post converted, up to all of them', () => {
    const text = readFileSync(join(projectRoot, 'tests', 'fixtures', 'wp', 'batch.json'), 'utf8');
    const { records } = parseWpExport(text, 'batch.json');
    const calls: [number, number][] = [];
    const plan = planImport(records, buildInventory([], null), (done, total) => calls.push([done, total]));
    const n = plan.posts.length;
    expect(n).toBeGreaterThan(1);
    expect(calls).toEqual(Array.from({ length: n }, (_, i) => [i + 1, n]));
  });

  it('when images are downloaded, then progress counts each finished download, failed ones too', async () => {
    const articles = [
      {
        path: 'a.md',
        text: '![one](https://old.example/1.png) ![two](https://old.example/2.png)',
        notes: [],
      },
      { path: 'b.md', text: '![three](https://old.example/3.png)', notes: [] },
    ];
    const store = { save: () => '/media/x.png', written: [] } as unknown as MediaStore;
    const calls: [number, number][] = [];
    await localiseImages(
      articles,
      () => Promise.resolve({ ok: false, reason: 'gone' }),
      store,
      2,
      (done, total) => calls.push([done, total]),
    );
    expect(calls).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('names what it counts: posts, images or (by default) files', () => {
    expect(progressLine('converting', 50, 200, 10_000, 'posts')).toBe(
      'converting 50/200 posts (5/s, about 30 s left)',
    );
    expect(progressLine('rendering', 1, 2, 1000)).toBe('rendering 1/2 files (1/s, about 1 s left)');
  });
});
