// Where Debian's Chromium lives and the flags every browser test runs it with (no Playwright import: the
// vitest config reads this to decide whether the browser project runs at all).
import { existsSync } from 'node:fs';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, offline, headless run on a small CI machine. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-quic',
];

export const SKIPPED_MESSAGE = `browser tests skipped: ${CHROMIUM_PATH} not found (install the Debian package chromium)`;

export const MISSING_MESSAGE = `Chromium is required for the browser tests (CI=true) but ${CHROMIUM_PATH} does not exist: install the Debian package chromium (apt-get install chromium).`;

export function hasBrowser(): boolean {
  return existsSync(CHROMIUM_PATH);
}

/** Browser tests run when Chromium is installed, and always in CI, where a missing browser is a failure. */
export function browserTestsEnabled(env: Record<string, string | undefined>): boolean {
  return hasBrowser() || env.CI === 'true';
}
