#!/usr/bin/env node
// `npx folio <command> [args]`: builds dist/ when src/ is newer (as every npm script does), then runs the
// command. The build's own output goes to stderr, so stdout stays the command's.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
try {
  execFileSync(process.execPath, ['scripts/build-if-needed.mjs'], { cwd: root, stdio: ['ignore', 2, 2] });
} catch {
  process.exit(1);
}
await import(new URL('../dist/cli/folio.js', import.meta.url).href);
