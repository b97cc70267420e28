import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { isPostgresUrl, openPostgresStore } from './postgres.js';
import { DB_FILE, openSqliteStore } from './sqlite.js';
import type { Store } from './store.js';

export type { ArticleSummary, Page, PutResult, Store, StorySummary } from './store.js';

/** Default store folder, relative to the working directory. */
export const DEFAULT_DB = '.triangulate';

/**
 * Opens the store a `--db` value names: a folder for the embedded SQLite store (the default), or a
 * `postgres://` URL for the server backend.
 */
export async function openStore(location: string = DEFAULT_DB): Promise<Store> {
  return isPostgresUrl(location) ? openPostgresStore(location) : openSqliteStore(location);
}

/** Whether a `--db` value names a store that exists (a PostgreSQL URL is taken to: its server answers for it). */
export async function storeExists(location: string): Promise<boolean> {
  if (isPostgresUrl(location)) return true;
  try {
    await access(join(location, DB_FILE));
    return true;
  } catch {
    return false;
  }
}
