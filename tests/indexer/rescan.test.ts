// A process told which content files changed looks at those only: the result must be the list a full scan
// gives (same files, same order), and anything unusual sends it back to the full scan with its safety rules.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { scanContent, type ScannedFile } from '../../src/indexer/scan.js';
import { rescanPaths } from '../../src/indexer/scan-update.js';

let dir: string;
const write = (rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const shape = (files: readonly ScannedFile[]) => files.map((f) => [f.path, f.kind, f.size]);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'folio-rescan-'));
  write('site.yml', 'title: x\n');
  write('articles/a/x.md', 'one');
  write('articles/a-b.md', 'two');
  write('articles/b.md', 'three');
  write('courses/data/etl.md', 'four');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('rescanPaths', () => {
  it('when files are edited, added in a new folder and deleted, then it equals a full scan, in the same order', () => {
    const before = scanContent(dir);
    write('articles/b.md', 'three, longer now');
    write('articles/new/deep/c.md', 'five');
    unlinkSync(join(dir, 'articles/a-b.md'));
    const partial = rescanPaths(before, dir, ['articles/b.md', 'articles/new/deep/c.md', 'articles/a-b.md']);
    expect(partial).not.toBeNull();
    expect(shape(partial ?? [])).toEqual(shape(scanContent(dir)));
    expect(shape(partial ?? []).map((r) => r[0])).toEqual([
      'articles/a/x.md',
      'articles/b.md',
      'articles/new/deep/c.md',
      'courses/data/etl.md',
      'site.yml',
    ]);
  });

  it('when a changed path is not a content file, then it is left out like a full scan does', () => {
    const before = scanContent(dir);
    write('articles/notes.txt', 'not content');
    expect(rescanPaths(before, dir, ['articles/notes.txt'])).toBeNull();
  });

  it('when a changed path is a link, or goes through one, then the full scan decides', () => {
    const before = scanContent(dir);
    const outside = mkdtempSync(join(tmpdir(), 'folio-outside-'));
    writeFileSync(join(outside, 'secret.md'), 'outside');
    symlinkSync(join(outside, 'secret.md'), join(dir, 'articles/linked.md'));
    symlinkSync(outside, join(dir, 'articles/folder'));
    expect(rescanPaths(before, dir, ['articles/linked.md'])).toBeNull();
    expect(rescanPaths(before, dir, ['articles/folder/secret.md'])).toBeNull();
    rmSync(outside, { recursive: true, force: true });
  });

  it('when a path climbs out or names a hidden file, then the full scan decides', () => {
    const before = scanContent(dir);
    expect(rescanPaths(before, dir, ['../outside.md'])).toBeNull();
    expect(rescanPaths(before, dir, ['articles/.draft.md'])).toBeNull();
  });
});
