// What the enquiry delivery commands share: the database they read, opened only after the command line is read.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { openMigrated } from '../db/database.js';
import { CommandFailure } from './args.js';

/** DB_PATH opened and migrated (the outbox table exists even before the server has run with this version). */
export function openEnquiryDb(): Db {
  const config = loadConfig(process.env);
  if (config.dbPath !== ':memory:' && !existsSync(config.dbPath))
    throw new CommandFailure(`no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
  return openMigrated(config.dbPath);
}
