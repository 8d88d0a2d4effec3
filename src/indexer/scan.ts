// The only reader of content/: lists content files (names, sizes, times), refuses unsafe ones, and reads
// their text and digest on demand.
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { digest } from '../content/load-entry.js';
import type { ContentProblem } from '../errors.js';

export type FileKind = 'article' | 'course' | 'area' | 'site' | 'authors' | 'categories';

export interface ScannedFile {
  /** Path relative to the content directory, with forward slashes (the name editors see). */
  path: string;
  kind: FileKind;
  /** Absolute path (after following a symlink that stays inside content/). */
  abs: string;
  size: number;
  mtimeMs: number;
  text?: string;
  hash?: string;
  problem?: ContentProblem;
}

/** Reads a listed file's text and digest (the scan itself only looks at names and sizes). */
export function readScanned(file: ScannedFile, maxBytes: number): void {
  if (file.text !== undefined || file.problem) return;
  const r = readContentFile(file.abs, file.path, file.size, maxBytes);
  if (r.problem) file.problem = r.problem;
  else {
    file.text = r.text;
    file.hash = r.hash;
  }
}

/** The kind of content file a relative path names, or null when it is not one. */
export function classify(rel: string): FileKind | null {
  if (rel === 'site.yml') return 'site';
  if (rel === 'authors.yml') return 'authors';
  if (rel === 'categories.yml') return 'categories';
  if (/^articles\/.+\.md$/i.test(rel)) return 'article';
  if (/^courses\/[^/]+\/_area\.ya?ml$/.test(rel)) return 'area';
  if (/^courses\/[^/]+\/[^/]+\.md$/i.test(rel)) return 'course';
  return null;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function problem(path: string, code: string, message: string, hint: string): ContentProblem {
  return { file: path, line: 1, code, message, hint, severity: 'error' };
}

/** Reads one file's bytes safely: size cap, binary and encoding checks. */
export function readContentFile(
  abs: string,
  rel: string,
  size: number,
  maxBytes: number,
): Pick<ScannedFile, 'text' | 'hash' | 'problem'> {
  if (size > maxBytes) {
    return {
      problem: problem(
        rel,
        'file-too-large',
        `the file is ${size} bytes, over the ${maxBytes}-byte limit`,
        'split it into smaller articles or raise MAX_FILE_BYTES',
      ),
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(abs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'EIO';
    return {
      problem: problem(
        rel,
        'file-unreadable',
        `the file cannot be read (${code})`,
        'check its permissions; the last good version stays published',
      ),
    };
  }
  if (bytes.length > maxBytes) {
    return {
      problem: problem(
        rel,
        'file-too-large',
        `the file is over the ${maxBytes}-byte limit`,
        'split it or raise MAX_FILE_BYTES',
      ),
    };
  }
  if (bytes.subarray(0, 8192).includes(0)) {
    return {
      problem: problem(
        rel,
        'binary-file',
        'the file is binary, not text',
        'content files must be UTF-8 Markdown or YAML; move images to public/',
      ),
    };
  }
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return {
      problem: problem(
        rel,
        'not-utf8',
        'the file is not valid UTF-8 text',
        'save it as UTF-8 in your editor',
      ),
    };
  }
  return { text, hash: digest(text) };
}

export function scanContent(contentDir: string): ScannedFile[] {
  const root = realpathSync(contentDir);
  const out: ScannedFile[] = [];
  const refuse = (rel: string, abs: string, code: string, message: string, hint: string): void => {
    // Folders are named by where they sit, so a refused `articles/` link is still reported.
    const kind =
      classify(rel) ??
      (/^articles(\/|$)/.test(rel) ? 'article' : /^courses(\/|$)/.test(rel) ? 'course' : null);
    if (kind)
      out.push({ path: rel, kind, abs, size: 0, mtimeMs: 0, problem: problem(rel, code, message, hint) });
  };
  const walk = (dir: string, depth: number): void => {
    if (depth > 20) return;
    let entries: string[];
    try {
      entries = readdirSync(dir).sort();
    } catch {
      return;
    }
    for (const name of entries) {
      if (name.startsWith('.')) continue;
      const abs = join(dir, name);
      const rel = relative(root, abs).split(sep).join('/');
      let stat: Stats;
      try {
        stat = lstatSync(abs);
        if (stat.isSymbolicLink()) {
          let target: string;
          try {
            target = realpathSync(abs);
          } catch {
            refuse(
              rel,
              abs,
              'symlink-broken',
              'this symbolic link points to nothing',
              'fix or remove the link',
            );
            continue;
          }
          if (target !== root && !target.startsWith(root + sep)) {
            refuse(
              rel,
              abs,
              'symlink-outside',
              'this symbolic link leads outside content/ and is not followed',
              'copy the file into content/ instead',
            );
            continue;
          }
          stat = statSync(abs);
          // A link back up the tree would list every file below it again, level after level.
          const here = realpathSync(dir);
          if (stat.isDirectory() && (here === target || here.startsWith(target + sep))) {
            refuse(
              rel,
              abs,
              'symlink-loop',
              'this symbolic link leads back to a folder that contains it and is not followed',
              'remove the link',
            );
            continue;
          }
        }
      } catch {
        continue;
      }
      if (stat.isDirectory()) {
        walk(abs, depth + 1);
        continue;
      }
      if (!stat.isFile()) continue;
      const kind = classify(rel);
      if (!kind) continue;
      out.push({ path: rel, kind, abs, size: stat.size, mtimeMs: stat.mtimeMs });
    }
  };
  walk(root, 0);
  return out;
}
