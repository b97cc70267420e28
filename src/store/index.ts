import { isPostgresUrl, openPostgresStore } from './postgres.js';
import { openSqliteStore } from './sqlite.js';
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
