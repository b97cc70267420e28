import { parentPort, workerData } from 'node:worker_threads';
import { errorText, openStore, TriangulateError } from '../index.js';
import type { DossierJob, DossierReply } from './dossier-pool.js';
import { DossierRenderer } from './dossier-render.js';

/*
 * The dossier worker thread: opens its own connection to the server's store (SQLite in WAL mode and PostgreSQL both
 * take a second reader) and builds and renders one dossier at a time, so a story of thousands of facts never holds
 * the server's event loop. Only a story id goes in and a string comes out: nothing large is copied on the way in.
 */
const port = parentPort;
if (!port) throw new Error('dossier-worker.ts runs as a worker thread');
const store = await openStore((workerData as { storeLocation: string }).storeLocation);
const renderer = new DossierRenderer(store);
port.on('message', async (job: DossierJob) => {
  let reply: DossierReply;
  try {
    reply = { id: job.id, ...(await renderer.render(job.storyId, job.format)) };
  } catch (error) {
    reply = { id: job.id, error: { code: error instanceof TriangulateError ? error.code : null, message: errorText(error) } };
  }
  port.postMessage(reply);
});
port.postMessage({ ready: true });
