import { openStore, relink, type Store } from '../index.js';
import { serveStoreJobs } from './store-thread.js';

// The linking worker thread (ingest.ts): links the store after an upload from its own store connection, keeping the
// linker in memory between uploads as the server's thread did (engine/link.ts reuses it while no other process
// linked since).
let store: Store | null = null;
await serveStoreJobs(
  async (location) => {
    store = await openStore(location);
  },
  async () => (await relink(store as Store)).total,
);
