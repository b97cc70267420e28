// One benchmark worker process: runs the real queue worker until the queue is idle, then prints its figures as JSON.
import { runWorker } from '../src/queue/worker.js';

const [queue, db] = process.argv.slice(2) as [string, string];
const latencies: number[] = [];
let first = 0;
let last = 0;
const report = await runWorker({
  queue,
  db,
  exitWhenIdleMs: 4_000,
  log: (line) => process.stderr.write(`worker ${process.pid}: ${line}\n`),
  onJob: (_outcome, ms) => {
    const now = Date.now();
    if (first === 0) first = now - ms;
    last = now;
    latencies.push(ms);
  },
});
latencies.sort((a, b) => a - b);
const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
console.log(
  JSON.stringify({
    jobs: report.jobs,
    retries: report.retries,
    first,
    last,
    p50: at(0.5),
    p99: at(0.99),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    // Whole-process CPU (model loading included): on shared cores, jobs per CPU-second is the steadier figure.
    cpuSeconds: (process.cpuUsage().user + process.cpuUsage().system) / 1e6,
  }),
);
