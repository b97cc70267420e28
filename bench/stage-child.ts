// Measures one pipeline stage in a process of its own (so peak RSS is that stage's run): prints one JSON line.
// Usage: tsx bench/stage-child.ts <clean|stage-name> <articles>
import { cleanDocument } from '../src/clean/index.js';
import type { Article } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStage } from '../src/pipeline/runner.js';
import { loadTemplates, syntheticDocument } from './generate.js';
import { measure } from './measure.js';

const [name = 'clean', countArg = '300'] = process.argv.slice(2);
const count = Number(countArg);
const templates = loadTemplates();
const documents = Array.from({ length: count }, (_, i) => syntheticDocument(templates, i));

if (name === 'clean') {
  const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d.raw), 0);
  console.log(JSON.stringify({ stage: 'clean (text + HTML)', ...measure(count, bytes, () => documents.forEach(cleanDocument)) }));
} else {
  const stages = defaultStages();
  const index = stages.findIndex((s) => s.name === name);
  if (index < 0) throw new Error(`unknown stage ${name}; known: ${stages.map((s) => s.name).join(', ')}`);
  // Everything before the stage runs untimed; the stage itself is timed alone.
  const before: Article[] = documents.map((d) => stages.slice(0, index).reduce((a, s) => runStage(s, a), cleanDocument(d)));
  const bytes = before.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const stage = stages[index];
  if (!stage) throw new Error('unreachable');
  console.log(JSON.stringify({ stage: name, ...measure(count, bytes, () => before.forEach((a) => runStage(stage, a))) }));
}
