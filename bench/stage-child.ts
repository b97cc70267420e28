// Measures one pipeline stage in a process of its own (so peak RSS is that stage's run): prints one JSON line.
// Usage: tsx bench/stage-child.ts <clean|stage-name> <articles> [kb]
// With `kb`, each article joins pasted-text samples until its raw text is about that many KB (clean text a little
// less), so per-article costs weigh as they do on full-length news rather than on the ~1.1 KB samples.
import { cleanDocument } from '../src/clean/index.js';
import type { Article } from '../src/model/article.js';
import type { Document } from '../src/model/document.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { runStage } from '../src/pipeline/runner.js';
import { loadTemplates, longSyntheticDocument, syntheticDocument } from './generate.js';
import { measure, summarize } from './measure.js';

const [name = 'clean', countArg = '300', kbArg = '0'] = process.argv.slice(2);
/**
 * Articles run untimed before measuring, so the figure is the stage's steady speed (a worker ingests for minutes)
 * rather than V8 compiling it: process CPU time counts V8's background compiler threads too, and after 20 warm-up
 * articles they still doubled the entities figure (0.48 MB per CPU-s; 0.92 after 300, 1.3 after 600). They are other
 * synthetic articles than the measured ones: a warm-up on the measured articles would fill the caches the stages
 * keep by text (the analysis of a block, src/annotate/nlp.ts) and flatter the figure.
 */
const WARM_UP = 600;
/** Index of the first warm-up article, far from the measured ones. */
const WARM_UP_OFFSET = 1_000_000;
/** Articles prepared (cleaned and run through the earlier stages) and then timed together. */
const CHUNK = 10;
const count = Number(countArg);
const kb = Number(kbArg);
const templates = loadTemplates();

/** The i-th measured (or warm-up) document: one synthetic article, or several pasted-text ones joined. */
function documentAt(i: number): Document {
  return kb <= 0 ? syntheticDocument(templates, i) : longSyntheticDocument(templates, i, kb);
}

const documents = Array.from({ length: count }, (_, i) => documentAt(i));
// Long articles warm up on about the same amount of text.
const warmUp = Array.from({ length: Math.round(WARM_UP / Math.max(1, kb)) }, (_, i) => documentAt(WARM_UP_OFFSET + i));

if (name === 'clean') {
  const bytes = documents.reduce((n, d) => n + Buffer.byteLength(d.raw), 0);
  for (const d of warmUp) cleanDocument(d);
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
  const stage = stages[index];
  if (!stage) throw new Error('unreachable');
  // Everything before the stage runs untimed; the stage itself is timed alone.
  const upTo = (d: Document): Article => stages.slice(0, index).reduce((a, s) => runStage(s, a), cleanDocument(d));
  for (const d of warmUp) runStage(stage, upTo(d));
  // Prepared and timed a few articles at a time: the pipeline runs every stage on one article before the next, so
  // a stage finds that article's blocks in the analysis cache (4,096 blocks); preparing all 300 long articles first
  // evicted them and timed the analysis again inside entities and quotes (5 KB: 0.5 MB per CPU-s instead of the real figure).
  let bytes = 0;
  let seconds = 0;
  let cpuSeconds = 0;
  let threadCpuSeconds: number | null = 0;
  for (let i = 0; i < documents.length; i += CHUNK) {
    const before = documents.slice(i, i + CHUNK).map(upTo);
    bytes += before.reduce((n, a) => n + Buffer.byteLength(a.text), 0);
    const f = measure(before.length, 0, () => {
      for (const a of before) runStage(stage, a);
    });
    seconds += f.seconds;
    cpuSeconds += f.cpuSeconds;
    threadCpuSeconds = f.threadCpuSeconds === null || threadCpuSeconds === null ? null : threadCpuSeconds + f.threadCpuSeconds;
  }
  console.log(JSON.stringify({ stage: name, ...summarize(count, bytes, seconds, cpuSeconds, threadCpuSeconds) }));
}
