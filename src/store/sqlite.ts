import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  Kysely,
  Migrator,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDriver,
  SqliteIntrospector,
  SqliteQueryCompiler,
  type Transaction,
} from 'kysely';
import { errorText, TriangulateError } from '../model/errors.js';
import { type ChangeCounts, KyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import { sqliteArticleWrites } from './sqlite-articles.js';
import type { OpenOptions, Store } from './store.js';

/** File name of the database inside the store folder. */
export const DB_FILE = 'triangulate.db';

/** How long a writer waits for another process's transaction before giving up (ms). */
/** Lock database beside the store, held while migrating (see `whileLocked`). */
const LOCK_FILE = 'migrate.lock';
const BUSY_TIMEOUT_MS = 60_000;

/**
 * Kysely's SQLite driver opens transactions with a plain BEGIN, which takes the write lock only at the first write;
 * two processes that both read first then deadlock on the upgrade, and SQLite answers SQLITE_BUSY at once instead
 * of waiting. BEGIN IMMEDIATE takes the lock up front, so a second ingest simply waits its turn.
 */
class ImmediateDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

function immediateDialect(database: BetterSqlite3.Database): Dialect {
  return {
    createAdapter: () => new SqliteAdapter(),
    createDriver: () => new ImmediateDriver({ database: reusingStatements(database) }),
    createIntrospector: (db) => new SqliteIntrospector(db),
    createQueryCompiler: () => new SqliteQueryCompiler(),
  };
}

/**
 * Statements kept prepared per connection. Kysely's SQLite driver prepares every query anew; preparing was 0.18 of
 * the ~1.2 CPU ms the storing thread spent per article (bench/store-cost.ts: nine statements, each compiled again),
 * and the same few SQL texts recur for every article and every read. The bound keeps texts that vary (an `in (?, ?)`
 * list per chunk size) from growing the cache without end.
 */
const PREPARED_STATEMENTS = 256;

/**
 * The connection as Kysely's driver sees it, preparing each SQL text once and reusing the statement. Safe because
 * the driver runs one query at a time per connection (its mutex) and each run binds its own parameters; a statement
 * is never left mid-iteration (nothing here streams).
 */
function reusingStatements(database: BetterSqlite3.Database): SqliteDatabase {
  const prepared = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      let statement = prepared.get(text);
      if (!statement) {
        statement = database.prepare(text);
        if (prepared.size >= PREPARED_STATEMENTS) prepared.delete(prepared.keys().next().value as string);
        prepared.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * Opens (creating if needed) the embedded store in a folder: one SQLite file in WAL mode, so readers never block
 * the writer, every committed transaction survives a kill -9, and several processes can share it safely.
 */
export async function openSqliteStore(dir: string, options: OpenOptions = {}): Promise<Store> {
  if (options.readOnly) return openReader(dir);
  let database: BetterSqlite3.Database;
  try {
    mkdirSync(dir, { recursive: true });
    database = new BetterSqlite3(join(dir, DB_FILE), { timeout: BUSY_TIMEOUT_MS });
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('foreign_keys = ON');
  } catch (error) {
    throw new TriangulateError('E_STORE', `cannot open the store in ${dir}: ${errorText(error)}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: immediateDialect(database) });
  let error: unknown;
  try {
    ({ error } = await whileLocked(dir, () => new Migrator({ db, provider: migrationProvider('sqlite') }).migrateToLatest()));
  } catch (lockError) {
    error = lockError;
  }
  if (error) {
    await db.destroy();
    throw new TriangulateError('E_STORE', `cannot migrate the store in ${dir}: ${errorText(error)}`, { cause: error });
  }
  const writes = sqliteArticleWrites(database);
  const lock = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> => db.transaction().execute((trx) => writes.transaction(() => work(trx)));
  return new KyselyStore(db, 'sqlite', lock, false, undefined, changeCounts(database), writes);
}

/**
 * SQLite's count of commits by other connections (`pragma data_version`, across threads and processes alike), read
 * through a statement prepared once and run outside Kysely: a few microseconds, and never queued behind a
 * transaction this connection has open.
 */
function changeCounts(database: BetterSqlite3.Database): ChangeCounts {
  const dataVersion = database.prepare('pragma data_version').pluck();
  return { byOthers: () => Number(dataVersion.get()), own: 0 };
}

/**
 * A read-only connection to an existing store. In WAL mode readers never wait for the writer and each statement sees
 * the last committed transaction, so several of these (one per server read thread) answer at once beside ingest.
 */
function openReader(dir: string): Store {
  let database: BetterSqlite3.Database;
  try {
    database = new BetterSqlite3(join(dir, DB_FILE), { readonly: true, fileMustExist: true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new TriangulateError('E_STORE', `cannot open the store in ${dir} for reading: ${errorText(error)}`, { cause: error });
  }
  const db = new Kysely<Database>({ dialect: immediateDialect(database) });
  return new KyselyStore(db, 'sqlite', (work) => db.transaction().execute(work), false, undefined, changeCounts(database));
}

/**
 * Runs `work` holding an exclusive lock on a small lock database beside the store. Kysely's SQLite adapter takes no
 * migration lock (it assumes one connection), so two processes opening a new store at once both created its tables
 * and one failed ("table documents already exists"); the second now waits, then finds the migrations applied.
 */
async function whileLocked<T>(dir: string, work: () => Promise<T>): Promise<T> {
  const lock = new BetterSqlite3(join(dir, LOCK_FILE), { timeout: BUSY_TIMEOUT_MS });
  try {
    lock.exec('begin exclusive');
    return await work();
  } finally {
    if (lock.inTransaction) lock.exec('commit');
    lock.close();
  }
}
