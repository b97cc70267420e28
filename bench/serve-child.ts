// Runs `triangulate serve` from the sources in a process of its own, for bench/load.ts (the server under load must
// not share a thread with the load generator).
import { main } from '../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
