import { openStore } from '../index.js';
import type { DossierJob } from './dossier-pool.js';
import { DossierRenderer } from './dossier-render.js';
import { serveStoreJobs } from './store-thread.js';

// The dossier worker thread (dossier-pool.ts): builds and renders one dossier at a time from its own store
// connection; a story id goes in, a rendered string comes out.
let renderer: DossierRenderer | null = null;
await serveStoreJobs(
  async (location) => {
    renderer = new DossierRenderer(await openStore(location));
  },
  (job: DossierJob) => (renderer as DossierRenderer).render(job.storyId, job.format),
  // The body's bytes are moved to the server's thread, not copied (a story with an 8 MB article renders to 28 MB).
  (rendered) => [rendered.body.buffer as ArrayBuffer],
);
