import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { tempDir } from '../helpers.js';
import { storeContract } from './contract.js';

let counter = 0;
storeContract(
  'sqlite',
  {
    fresh: () => openSqliteStore(join(tempDir('tri-store-'), `db-${counter++}`)),
    // better-sqlite3 waits for a lock by blocking the thread, so a second connection in the same process deadlocks;
    // two processes on one store are tested in test/store-safety.test.ts.
    again: 'two SQLite connections in one process block each other (cross-process: test/store-safety.test.ts)',
  },
  false,
);
