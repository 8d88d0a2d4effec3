// Secrets generated once and kept in the database (migration 0007), for deployments that set none.
import { randomBytes } from 'node:crypto';
import type { Db } from './connection.js';

export const PREVIEW_SECRET_NAME = 'preview';

/**
 * The secret called `name`, created with 32 random bytes the first time it is asked for. Read first, so a
 * read-only database that already holds it still answers; INSERT OR IGNORE then a read again, so when two
 * processes race (the server and `npm run preview`) both end up with the one stored.
 */
export function storedSecret(db: Db, name: string, now = Date.now()): string {
  const read = db.prepare<{ name: string }, { value: string }>(
    'SELECT value FROM site_secrets WHERE name = @name',
  );
  const found = read.get({ name });
  if (found) return found.value;
  db.prepare<{ name: string; value: string; now: number }>(
    'INSERT OR IGNORE INTO site_secrets (name, value, created_at) VALUES (@name, @value, @now)',
  ).run({ name, value: randomBytes(32).toString('base64url'), now });
  const row = read.get({ name });
  if (!row) throw new Error(`the ${name} secret could not be stored`);
  return row.value;
}

/** The key that signs preview links: PREVIEW_SECRET when configured, else the stored one. */
export function previewSecret(db: Db, configured: string): string {
  return configured !== '' ? configured : storedSecret(db, PREVIEW_SECRET_NAME);
}
