import { longArticle } from './bench/long-article.js';
import { openStore } from './src/index.js';
import { startServer } from './src/server/index.js';
const dir = '/tmp/s4r-live-db';
const store = await openStore(dir);
const server = await startServer({ store, storeLocation: dir, port: 0, log: () => undefined });
const t0 = performance.now();
const form = new FormData();
form.append('file', new File([longArticle(256 * 1024)], 'long.txt', { type: 'text/plain' }));
let done = false;
const up = fetch(`${server.url}/api/ingest`, { method: 'POST', body: form }).then(async (r) => { done = true; console.log('upload', r.status, (performance.now() - t0).toFixed(0)); });
while (!done) {
  const s = performance.now();
  const r = await fetch(`${server.url}/api/health`);
  const body = await r.text();
  console.log('health', (s - t0).toFixed(0), (performance.now() - s).toFixed(0), body.slice(0, 60));
  await new Promise((res) => setTimeout(res, 300));
}
await up;
await server.close(); await store.close();
