import { access } from 'node:fs/promises';
import { join } from 'node:path';
import type { OpenOptions, Store } from './store.js';

export type {
  ArticleSummary,
  LinkInput,
  OpenOptions,
  Page,
  PutResult,
  Store,
  StoredDossier,
  StoryChange,
  StoryCursor,
  StoryDossier,
  StorySummary,
} from './store.js';

/** Default store folder, relative to the working directory. */
export const DEFAULT_DB = '.triangulate';

/** Whether a `--db` value names a PostgreSQL server rather than an embedded store folder. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(?:ql)?:\/\//i.test(location);
}

/**
 * Opens the store a `--db` value names: a folder for the embedded SQLite store (the default), or a
 * `postgres://` URL for the server backend. Each backend is imported only when chosen, so a one-shot CLI run does
 * not load the PostgreSQL driver (start-up time, bench `cli` section).
 */
export async function openStore(location: string = DEFAULT_DB, options: OpenOptions = {}): Promise<Store> {
  if (isPostgresUrl(location)) return (await import('./postgres.js')).openPostgresStore(location, options);
  return (await import('./sqlite.js')).openSqliteStore(location, options);
}

/** Whether a `--db` value names a store that exists (a PostgreSQL URL is taken to: its server answers for it). */
export async function storeExists(location: string): Promise<boolean> {
  if (isPostgresUrl(location)) return true;
  try {
    const { DB_FILE } = await import('./sqlite.js');
    await access(join(location, DB_FILE));
    return true;
  } catch {
    return false;
  }
}
