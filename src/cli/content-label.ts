// How command output names the content folder: relative to where the command ran, absolute when outside it.
import { relative } from 'node:path';

/** The prefix for content file names in `file:line: message` lines, ending with a slash. */
export function contentLabel(contentDir: string, cwd: string): string {
  const rel = relative(cwd, contentDir);
  if (rel === '') return './';
  return `${rel.startsWith('..') ? contentDir : rel}/`;
}
