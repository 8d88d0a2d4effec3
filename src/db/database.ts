// Opens and migrates the database in one step, for entry files and tests.
import { openDatabase, type Db } from './connection.js';
import { migrate, readMigrations } from './migrate.js';
import { migrationsDir } from '../paths.js';

export function openMigrated(path: string, dir = migrationsDir): Db {
  const db = openDatabase(path);
  try {
    migrate(db, readMigrations(dir));
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
