import { openStore } from './src/index.js';
import { ReadPool } from './src/server/read-pool.js';
const s = await openStore('/tmp/s4r-t-db');
const t0 = performance.now();
const pool = new ReadPool(s, '/tmp/s4r-t-db', 1);
console.log(await pool.run({ op: 'counts' }), (performance.now() - t0).toFixed(0));
const t1 = performance.now();
await s.exclusive(async (w) => { console.log(await pool.run({ op: 'counts' }), (performance.now() - t1).toFixed(0)); });
await pool.close();
