// How a thread's CPU per article settles as V8 warms up: cleans and annotates synthetic articles in this thread and
// prints, per block, the CPU of this thread and of the rest of the process (V8's helper threads: background
// compiling, concurrent GC). Calibrates the warm-up of bench/pool-child.ts (docs/measurements.md, "Where a worker's
// CPU goes"). Usage: tsx bench/warm-up-curve.ts [blocks] [articles per block]
import { cleanDocument } from '../src/clean/index.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { loadTemplates, syntheticDocument } from './generate.js';
import { threadCpuNow } from './measure.js';

const [blocksArg = '10', sizeArg = '300'] = process.argv.slice(2);
const size = Number(sizeArg);
const templates = loadTemplates();
const pipeline = createPipeline(defaultStages());
for (let b = 0; b < Number(blocksArg); b++) {
  const cpu = process.cpuUsage();
  const thread = threadCpuNow() ?? 0;
  for (let i = 0; i < size; i++) pipeline.run(cleanDocument(syntheticDocument(templates, b * size + i)));
  const used = process.cpuUsage(cpu);
  const own = ((threadCpuNow() ?? 0) - thread) * 1000;
  const all = (used.user + used.system) / 1000;
  console.log(`articles ${b * size}–${(b + 1) * size}: this thread ${(own / size).toFixed(2)}, helpers ${((all - own) / size).toFixed(2)} CPU ms per article`);
}
