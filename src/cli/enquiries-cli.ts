// What the enquiry delivery commands share: argument parsing with --help/unknown-flag exits, and the database.
import { existsSync } from 'node:fs';
import { loadConfig } from '../config.js';
import type { Db } from '../db/connection.js';
import { openMigrated } from '../db/database.js';

export class CliExit extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

/** Flags a command accepts: name → whether it takes a value. */
export function parseFlags(
  argv: readonly string[],
  accepted: Readonly<Record<string, boolean>>,
  usage: string,
): Map<string, string> {
  const out = new Map<string, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') throw new CliExit(0, usage);
    const [name = '', inline] = arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (!(name in accepted)) throw new CliExit(2, `unknown option "${arg}"\n${usage}`);
    if (!accepted[name]) {
      out.set(name, '');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined || value === '') throw new CliExit(2, `${name} needs a value\n${usage}`);
    out.set(name, value);
  }
  return out;
}

/** DB_PATH opened and migrated (the outbox table exists even before the server has run with this version). */
export function openEnquiryDb(): Db {
  const config = loadConfig(process.env);
  if (config.dbPath !== ':memory:' && !existsSync(config.dbPath))
    throw new CliExit(1, `no database at ${config.dbPath}: set DB_PATH to the file Folio serves from`);
  return openMigrated(config.dbPath);
}

/** Runs a command body, printing usage on stdout for --help and errors on stderr. */
export function runEnquiryCli(main: () => number): void {
  try {
    process.exitCode = main();
  } catch (error) {
    if (error instanceof CliExit) {
      if (error.code === 0) console.log(error.message);
      else console.error(error.message);
      process.exitCode = error.code;
      return;
    }
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}
