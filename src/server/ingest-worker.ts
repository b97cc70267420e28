import { openStore, type Store } from '../index.js';
import { BudgetedPipeline, DEFAULT_BUDGET } from '../pipeline/budget.js';
import { type IngestSource, ingestSource } from './ingest.js';
import { serveStoreJobs } from './store-thread.js';

// The ingest worker thread (ingest.ts): reads an upload or URL list, stores its articles and links the store, from
// its own store connection, relaying progress. Cleaning and annotation run one thread further down under the
// per-article budget; the linker stays in memory here between uploads (engine/link.ts reuses it while no other
// process linked since).
let store: Store | null = null;
const budgeted = new BudgetedPipeline(DEFAULT_BUDGET);
await serveStoreJobs(
  async (location) => {
    store = await openStore(location);
  },
  (job: { source: IngestSource }, progress) => ingestSource(store as Store, job.source, progress, budgeted),
);
