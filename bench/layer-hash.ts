// Hashes every annotation layer of a fixed set of articles, so a speed change can show its output is unchanged: run
// it before and after (or on two checkouts) and compare the lines. Usage: tsx bench/layer-hash.ts [seeds-dir]
// The set: 120 synthetic ≈5 KB articles (as `stages 5` measures), 60 synthetic sample-corpus articles, and the
// pasted-text files of seeds-dir when given (the shared seed articles: 185 in all).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanDocument } from '../src/clean/index.js';
import { makeDocument } from '../src/ingest/records.js';
import type { Document } from '../src/model/document.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { loadTemplates, longSyntheticDocument, syntheticDocument } from './generate.js';

const templates = loadTemplates();

const documents: Document[] = [
  // The stage benchmark's 5 KB articles.
  ...Array.from({ length: 120 }, (_, i) => longSyntheticDocument(templates, i, 5)),
  ...Array.from({ length: 60 }, (_, i) => syntheticDocument(templates, 5_000 + i)),
];
const seeds = process.argv[2];
if (seeds && existsSync(seeds)) {
  for (const name of readdirSync(seeds).sort()) documents.push(makeDocument({ kind: 'text', path: name }, 'text', readFileSync(join(seeds, name), 'utf8')));
}

const pipeline = createPipeline(defaultStages());
const all = createHash('sha256');
const perLayer = new Map<string, ReturnType<typeof createHash>>();
for (const d of documents) {
  const article = pipeline.run(cleanDocument(d)) as unknown as Record<string, unknown>;
  for (const key of Object.keys(article).sort()) {
    const text = JSON.stringify(article[key]) ?? 'undefined';
    all.update(`${key}\u0000${text}\u0000`);
    let h = perLayer.get(key);
    if (!h) perLayer.set(key, (h = createHash('sha256')));
    h.update(text);
  }
}
console.log(`articles ${documents.length} all ${all.digest('hex').slice(0, 16)}`);
for (const [key, h] of [...perLayer].sort(([a], [b]) => a.localeCompare(b))) console.log(`${key} ${h.digest('hex').slice(0, 16)}`);
