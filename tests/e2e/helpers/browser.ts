// Launches Debian's Chromium through playwright-core; a missing browser is an error with the fix in it.
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, MISSING_MESSAGE, hasBrowser } from './chromium.js';

export async function launchBrowser(): Promise<Browser> {
  if (!hasBrowser()) throw new Error(MISSING_MESSAGE);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_FLAGS] });
}
