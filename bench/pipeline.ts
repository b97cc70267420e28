import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestItems } from '../src/engine/ingest.js';
import { relink } from '../src/engine/link.js';
import { openStore } from '../src/store/index.js';
import { loadTemplates, syntheticDocument } from './generate.js';
import { type Figures, summarize } from './measure.js';

/** Whole-pipeline figures at one corpus size: ingest (read → clean → annotate → store) and linking, separately. */
export interface PipelineFigures {
  size: number;
  ingest: Figures;
  /** `peakRssMb`: the process's high-water mark after linking too (ingest's own is in `ingest`). */
  link: { seconds: number; msPerArticle: number; stories: number; peakRssMb: number };
  storeMb: number;
}

/** Ingests `size` synthetic articles into a fresh store, then links them; times both. */
export async function pipelineAt(size: number): Promise<PipelineFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'tri-bench-'));
  const store = await openStore(dir);
  try {
    const templates = loadTemplates();
    let bytes = 0;
    function* documents() {
      for (let i = 0; i < size; i++) {
        const doc = syntheticDocument(templates, i);
        bytes += Buffer.byteLength(doc.raw);
        yield doc;
      }
    }
    const t0 = performance.now();
    await ingestItems(store, documents(), { link: false });
    const ingest = summarize(size, bytes, (performance.now() - t0) / 1000);
    const t1 = performance.now();
    const stories = await relink(store);
    const linkSeconds = (performance.now() - t1) / 1000;
    const { statSync } = await import('node:fs');
    const storeMb = statSync(join(dir, 'triangulate.db')).size / 1024 / 1024;
    return {
      size,
      ingest,
      link: {
        seconds: linkSeconds,
        msPerArticle: (linkSeconds * 1000) / size,
        stories: stories.total,
        peakRssMb: process.resourceUsage().maxRSS / 1024,
      },
      storeMb,
    };
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
