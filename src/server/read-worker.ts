import { openStore, type Store } from '../store/index.js';
import { answerRead, type DossierRead, type ReadJob } from './reads.js';
import { serveStoreJobs } from './store-thread.js';

// A read thread (read-pool.ts): answers one read job at a time over its own read-only connection.
let store: Store | null = null;
await serveStoreJobs(
  async (location) => {
    store = await openStore(location, { readOnly: true });
  },
  (job: ReadJob) => answerRead(store as Store, job),
  // A stored dossier's bytes are moved to the server's thread, not copied.
  (answer) => {
    const read = answer as DossierRead | null;
    return read !== null && typeof read === 'object' && 'kind' in read && read.kind === 'stored' ? [read.body.buffer as ArrayBuffer] : [];
  },
);
