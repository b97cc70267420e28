import {
  Kysely,
  type KyselyPlugin,
  Migrator,
  OperationNodeTransformer,
  type PluginTransformQueryArgs,
  type PluginTransformResultArgs,
  PostgresDialect,
  type PrimitiveValueListNode,
  type QueryResult,
  type RootOperationNode,
  sql,
  type Transaction,
  type UnknownRow,
  type ValueNode,
} from 'kysely';
import pg from 'pg';
import { errorText, TriangulateError } from '../model/errors.js';
import { KyselyStore } from './kysely-store.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';
import type { OpenOptions, Store } from './store.js';

/**
 * Connections one process keeps: a worker runs one job at a time (a lookup, then one write transaction), the linker
 * one exclusive transaction; a few spare connections let reads go on beside a long write.
 */
const POOL_SIZE = 4;
/** How long opening a connection may take before the caller sees an error it can back off from (ms). */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * Key of the transaction-scoped advisory lock behind `exclusive()` (an arbitrary constant: "tria" in ASCII). Every
 * process linking into one database takes the same key, so their read-stories/write-stories steps never interleave.
 */
const EXCLUSIVE_LOCK_KEY = 0x74726961;

/**
 * Opens the PostgreSQL server backend: the same migrations and the same Kysely queries as the embedded store. Article
 * writes are plain transactions (many workers write at once; the article id is the content hash and the sequence
 * number comes from a database sequence, so they never collide); `exclusive()` takes a transaction-scoped advisory
 * lock, so linking is serialised across processes and machines without blocking those writes.
 */
export async function openPostgresStore(url: string, options: OpenOptions = {}): Promise<Store> {
  const pool = new pg.Pool({
    connectionString: url,
    max: POOL_SIZE,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    // A reader's sessions refuse writes on the server's side too.
    ...(options.readOnly ? { options: '-c default_transaction_read_only=on' } : {}),
  });
  // A connection whose server went away emits 'error' (on the pool when idle, on the client when checked out);
  // unhandled, that would end the process. The query in flight fails, the pool drops the dead connection, and the
  // next query opens a new one (or fails, and the caller backs off).
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }), plugins: [new NoNulPlugin()] });
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy();
    throw new TriangulateError('E_STORE', `cannot reach PostgreSQL at ${redact(url)}: ${errorText(error)}`, { cause: error });
  }
  const { error } = options.readOnly ? { error: undefined } : await new Migrator({ db, provider: migrationProvider('postgres') }).migrateToLatest();
  if (error) {
    await db.destroy();
    throw new TriangulateError('E_STORE', `cannot migrate the database at ${redact(url)}: ${errorText(error)}`, { cause: error });
  }
  const exclusive = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${EXCLUSIVE_LOCK_KEY})`.execute(trx);
      return work(trx);
    });
  return new KyselyStore(db, 'postgres', exclusive, false, (work) => db.transaction().execute(work));
}

/**
 * PostgreSQL text cannot hold U+0000, and its JSON operators refuse the `\u0000` escape, yet a JSONL record can carry
 * one into an article. This plugin replaces both in every string parameter with U+FFFD, one character for one, so
 * offsets stay valid; SQLite keeps the NUL. (A text that literally spells backslash-u-0000 is rewritten too: rare
 * enough to accept for not having to know which parameter holds JSON.)
 */
class NoNulPlugin implements KyselyPlugin {
  private readonly transformer = new NulTransformer();

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return this.transformer.transformNode(args.node);
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    return args.result;
  }
}

class NulTransformer extends OperationNodeTransformer {
  protected override transformValue(node: ValueNode): ValueNode {
    return typeof node.value === 'string' && hasNul(node.value) ? { ...node, value: withoutNul(node.value) } : node;
  }

  protected override transformPrimitiveValueList(node: PrimitiveValueListNode): PrimitiveValueListNode {
    if (!node.values.some((v) => typeof v === 'string' && hasNul(v))) return node;
    return { ...node, values: node.values.map((v) => (typeof v === 'string' ? withoutNul(v) : v)) };
  }
}

function hasNul(text: string): boolean {
  return text.includes('\u0000') || text.includes('\\u0000');
}

/** An escape is one only after an even number of backslashes; the look-behind keeps the scan linear. */
const JSON_NUL_ESCAPE = /(?<!\\)((?:\\\\)*)\\u0000/g;

function withoutNul(text: string): string {
  return text.replaceAll('\u0000', '\ufffd').replace(JSON_NUL_ESCAPE, '$1\\ufffd');
}

/** The URL without its password, for messages and logs. */
export function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}
