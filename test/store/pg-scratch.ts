import { randomBytes } from 'node:crypto';
import { after } from 'node:test';
import pg from 'pg';

/** The server the PostgreSQL tests use: `TRIANGULATE_TEST_PG` (a URL whose role may create databases; .ci/run sets it). */
export const TEST_PG = process.env.TRIANGULATE_TEST_PG;

/** False when the test server answers; otherwise the reason the PostgreSQL tests are skipped (shown by the runner). */
export async function pgSkip(): Promise<string | false> {
  if (!TEST_PG) return 'TRIANGULATE_TEST_PG is not set (no PostgreSQL server to test against)';
  const client = new pg.Client({ connectionString: TEST_PG, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return false;
  } catch (error) {
    return `PostgreSQL at TRIANGULATE_TEST_PG is not reachable: ${error instanceof Error ? error.message : String(error)}`;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Drops a scratch database, retrying while a background process (autovacuum) still holds it: `with (force)` needs
 * the right to end other roles' backends, which a plain test role lacks. A database left behind is only litter.
 */
async function dropDatabase(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await client.query(`drop database if exists ${name}`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Creates throw-away databases on the test server and drops them when the test file ends. */
export function scratchDatabases(): { create(): Promise<string> } {
  const made: string[] = [];
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: TEST_PG });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  after(async () => {
    if (made.length === 0) return;
    await admin(async (client) => {
      for (const name of made) await dropDatabase(client, name);
    });
  });
  return {
    async create() {
      const name = `tri_test_${randomBytes(6).toString('hex')}`;
      await admin((client) => client.query(`create database ${name}`));
      made.push(name);
      const url = new URL(TEST_PG ?? '');
      url.pathname = `/${name}`;
      return url.toString();
    },
  };
}
