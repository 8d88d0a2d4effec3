// Prepared statements for what the index keeps about itself: state keys, the content problems of the
// last run, and the stat cache of content files.
import type { ContentProblem } from '../errors.js';
import type { Db } from './connection.js';

type FileStat = { size: number; mtimeMs: number; hash: string };

export function createIndexStateStore(db: Db) {
  const s = {
    clearErrors: db.prepare('DELETE FROM content_errors'),
    insertError: db.prepare(
      'INSERT INTO content_errors (file, line, code, message, hint, severity) VALUES (@file, @line, @code, @message, @hint, @severity)',
    ),
    setState: db.prepare<{ key: string; value: string }>(
      'INSERT INTO index_state (key, value) VALUES (@key, @value) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ),
    fileCache: db.prepare<[], { path: string; size: number; mtime_ms: number; hash: string }>(
      'SELECT path, size, mtime_ms, hash FROM content_files',
    ),
    putFileCache: db.prepare<{ path: string; size: number; mtime_ms: number; hash: string }>(
      'INSERT OR REPLACE INTO content_files (path, size, mtime_ms, hash) VALUES (@path, @size, @mtime_ms, @hash)',
    ),
    deleteFileCache: db.prepare<{ path: string }>('DELETE FROM content_files WHERE path = @path'),
    getState: db.prepare<{ key: string }, { value: string }>(
      'SELECT value FROM index_state WHERE key = @key',
    ),
    problems: db.prepare<
      [],
      {
        file: string;
        line: number;
        code: string;
        message: string;
        hint: string | null;
        severity: 'error' | 'warning' | 'note';
      }
    >('SELECT file, line, code, message, hint, severity FROM content_errors ORDER BY id'),
  };
  return {
    writeProblems(problems: readonly ContentProblem[]): void {
      s.clearErrors.run();
      for (const p of problems)
        s.insertError.run({
          file: p.file,
          line: p.line,
          code: p.code,
          message: p.message,
          hint: p.hint ?? null,
          severity: p.severity,
        });
    },
    fileCache(): Map<string, FileStat> {
      return new Map(
        s.fileCache.all().map((r) => [r.path, { size: r.size, mtimeMs: r.mtime_ms, hash: r.hash }]),
      );
    },
    /** Applies the difference between the previous stat cache and the current one. */
    updateFileCache(before: ReadonlyMap<string, FileStat>, after: ReadonlyMap<string, FileStat>): void {
      for (const path of before.keys()) if (!after.has(path)) s.deleteFileCache.run({ path });
      for (const [path, f] of after) {
        const old = before.get(path);
        if (!old || old.size !== f.size || old.mtimeMs !== f.mtimeMs || old.hash !== f.hash)
          s.putFileCache.run({ path, size: f.size, mtime_ms: f.mtimeMs, hash: f.hash });
      }
    },
    storedProblems(): ContentProblem[] {
      return s.problems.all().map((p) => ({
        file: p.file,
        line: p.line,
        code: p.code,
        message: p.message,
        severity: p.severity,
        ...(p.hint ? { hint: p.hint } : {}),
      }));
    },
    getState(key: string): string | null {
      return s.getState.get({ key })?.value ?? null;
    },
    setState(key: string, value: string): void {
      s.setState.run({ key, value });
    },
  };
}
