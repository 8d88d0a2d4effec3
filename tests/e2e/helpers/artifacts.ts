// Where browser tests leave files for people to look at (gitignored): screenshots, Lighthouse reports.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../../src/paths.js';

export function artifactDir(...parts: string[]): string {
  const dir = join(projectRoot, 'test-artifacts', ...parts);
  mkdirSync(dir, { recursive: true });
  return dir;
}
