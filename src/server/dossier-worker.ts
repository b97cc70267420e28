import { openStore } from '../index.js';
import { type DossierJob, DossierRenderer } from './dossier-render.js';
import { serveStoreJobs } from './store-thread.js';

// The dossier worker thread (dossier-pool.ts): builds, renders and stores one dossier at a time from its own store
// connection; a story id and version go in, the rendered bytes come out.
let renderer: DossierRenderer | null = null;
await serveStoreJobs(
  async (location) => {
    // The dossier is stored after the answer is posted (setImmediate runs after it), so a write lock held by an
    // ingest delays the next build, never this answer.
    renderer = new DossierRenderer(await openStore(location), (save) => {
      setImmediate(() => void save());
    });
  },
  (job: DossierJob) => (renderer as DossierRenderer).render(job),
  // The body's bytes are moved to the server's thread, not copied (a story with an 8 MB article renders to 28 MB).
  (rendered) => [rendered.body.buffer as ArrayBuffer],
);
