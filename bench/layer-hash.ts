// Hashes every annotation layer of a fixed set of articles, so a speed change can show its output is unchanged: run
// it before and after (or on two checkouts) and compare the lines.
// Usage: tsx bench/layer-hash.ts [input…], an input being a directory (its .txt files as pasted text, its .html
// files as pages) or `ecb:N` (the first N ECB+ documents of ../shared/data/ecbplus as pasted text).
// The set: 120 synthetic ≈5 KB articles (as `stages 5` measures), 60 synthetic sample-corpus articles, then the
// inputs in order (with the shared seed articles alone: 185 in all).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadEcbPlus } from '../eval/sets/ecbplus-corpus.js';
import { cleanDocument } from '../src/clean/index.js';
import { makeDocument } from '../src/ingest/records.js';
import type { Document } from '../src/model/document.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';
import { loadTemplates, longSyntheticDocument, syntheticDocument } from './generate.js';

const templates = loadTemplates();
/** Where the ECB+ corpus is kept, from this file. */
const ECB_ROOT = join(import.meta.dirname, '../../shared/data/ecbplus');

const documents: Document[] = [
  // The stage benchmark's 5 KB articles.
  ...Array.from({ length: 120 }, (_, i) => longSyntheticDocument(templates, i, 5)),
  ...Array.from({ length: 60 }, (_, i) => syntheticDocument(templates, 5_000 + i)),
];
for (const input of process.argv.slice(2)) {
  const ecb = /^ecb:(\d+)$/.exec(input);
  if (ecb) {
    const wanted = Number(ecb[1]);
    for (const d of loadEcbPlus(ECB_ROOT).slice(0, wanted)) documents.push(makeDocument({ kind: 'text', path: d.name }, 'text', d.article.text));
  } else if (existsSync(input)) {
    for (const name of readdirSync(input).sort()) {
      const format = name.endsWith('.txt') ? 'text' : name.endsWith('.html') ? 'html' : null;
      if (format) documents.push(makeDocument({ kind: 'text', path: name }, format, readFileSync(join(input, name), 'utf8')));
    }
  } else throw new Error(`no such input: ${input}`);
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
  // Each annotation layer on its own line too, so a difference names its stage.
  const layers = (article.layers ?? {}) as Record<string, unknown>;
  for (const key of Object.keys(layers)) {
    let h = perLayer.get(`layers.${key}`);
    if (!h) perLayer.set(`layers.${key}`, (h = createHash('sha256')));
    h.update(JSON.stringify(layers[key]) ?? 'undefined');
  }
}
console.log(`articles ${documents.length} all ${all.digest('hex').slice(0, 16)}`);
for (const [key, h] of [...perLayer].sort(([a], [b]) => a.localeCompare(b))) console.log(`${key} ${h.digest('hex').slice(0, 16)}`);
