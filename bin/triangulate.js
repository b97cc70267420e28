#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code (src/cli/main.ts).
import { limitHeapGrowth } from '../dist/cli/heap-growth.js';
import { main } from '../dist/cli/main.js';

limitHeapGrowth();
process.exitCode = await main(process.argv.slice(2));
