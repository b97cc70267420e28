#!/usr/bin/env node
// The only place that exits the process: everything else returns an exit code (src/cli/main.ts).
import { main } from '../dist/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
