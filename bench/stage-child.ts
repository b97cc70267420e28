// Measures one pipeline stage in a process of its own (so peak RSS is that stage's run): prints one JSON line.
// Usage: tsx bench/stage-child.ts <clean|stage-name> <articles>
import { cleanDocument } from '../src/clean/index.js';
import type { Article } from '../src/model/article.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStage } from '../src/pipeline/runner.js';
import { loadTemplates, syntheticDocument } from './generate.js';
import { measure } from './measure.js';

const [name = 'clean', countArg = '300'] = process.argv.slice(2);
/** Articles run untimed before measuring. */
const WARM_UP = 20;
const count = Number(countArg);
const templates = loadTemplates();
const documents = Array.from({ length: count }, (_, i) => syntheticDocument(templates, i));

if (name === 'clean') {
  const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d.raw), 0);
  for (const d of documents.slice(0, WARM_UP)) cleanDocument(d);
  console.log(
    JSON.stringify({
      stage: 'clean (text + HTML)',
      ...measure(count, bytes, () => {
        for (const d of documents) cleanDocument(d);
      }),
    }),
  );
} else {
  const stages = defaultStages();
  const index = stages.findIndex((s) => s.name === name);
  if (index < 0) throw new Error(`unknown stage ${name}; known: ${stages.map((s) => s.name).join(', ')}`);
  // Everything before the stage runs untimed; the stage itself is timed alone.
  const before: Article[] = documents.map((d) => stages.slice(0, index).reduce((a, s) => runStage(s, a), cleanDocument(d)));
  const bytes = before.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
  const stage = stages[index];
  if (!stage) throw new Error('unreachable');
  // A few untimed runs first, so the figure is the stage's steady speed, not V8 compiling it.
  for (const a of before.slice(0, WARM_UP)) runStage(stage, a);
  console.log(
    JSON.stringify({
      stage: name,
      ...measure(count, bytes, () => {
        for (const a of before) runStage(stage, a);
      }),
    }),
  );
}
