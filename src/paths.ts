// Where the project's own folders are, wherever the process was started from.
import { fileURLToPath } from 'node:url';

/** The repository root: dist/ and src/ both sit one level below it. */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
export const migrationsDir = fileURLToPath(new URL('../migrations', import.meta.url));
export const viewsDir = fileURLToPath(new URL('../views', import.meta.url));
export const publicDir = fileURLToPath(new URL('../public', import.meta.url));
