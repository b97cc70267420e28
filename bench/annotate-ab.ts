// Interleaved A/B of the annotation stages of two source trees in one process, for speed changes that must show
// against a shared machine's load: each tree's cleaning and stages are loaded as separate module instances (own
// caches), warmed up alike, then run over the same chunks of ≈5 KB synthetic articles in A B B A order, so both
// meet the same load minute by minute. Prints each tree's CPU ms per article of this thread, by stage.
// The trees share one V8 heap: a garbage collection falls in whichever stage allocates when it is due, so per-stage
// figures scatter more than the totals (docs/measurements.md, "Monomorphic objects").
// Usage: tsx bench/annotate-ab.ts <tree A> <tree B> [warm-up articles] [measured articles]
// (a tree is a checkout's root, e.g. a `git worktree` of main and this one; both need node_modules).
import { resolve } from 'node:path';
import type { Article } from '../src/model/article.js';
import type { Document } from '../src/model/document.js';
import type { ArticleStage } from '../src/pipeline/stage.js';
import { loadTemplates, longSyntheticDocument } from './generate.js';
import { threadCpuNow } from './measure.js';

const [treeA, treeB, warmArg = '200', countArg = '200'] = process.argv.slice(2);
if (!treeA || !treeB) throw new Error('usage: tsx bench/annotate-ab.ts <tree A> <tree B> [warm-up] [measured]');
/** Articles cleaned together before their annotation is timed (as the stage benchmark prepares them). */
const CHUNK = 10;
/** Index of the first warm-up article, far from the measured ones. */
const WARM_UP_OFFSET = 1_000_000;

interface Tree {
  name: string;
  clean: (d: Document) => Article;
  stages: ArticleStage[];
  runStage: (s: ArticleStage, a: Article) => Article;
  ms: Map<string, number>;
  articles: number;
}

async function load(root: string): Promise<Tree> {
  const dir = resolve(root);
  const { cleanDocument } = await import(`${dir}/src/clean/index.ts`);
  const { defaultStages } = await import(`${dir}/src/pipeline/registry.ts`);
  const { runStage } = await import(`${dir}/src/pipeline/runner.ts`);
  const stages = defaultStages() as ArticleStage[];
  return { name: dir, clean: cleanDocument, stages, runStage, ms: new Map(stages.map((s) => [s.name, 0])), articles: 0 };
}

const templates = loadTemplates();
const trees = [await load(treeA), await load(treeB)] as const;

function runChunk(tree: Tree, first: number, timed: boolean): void {
  const articles = Array.from({ length: CHUNK }, (_, k) => tree.clean(longSyntheticDocument(templates, first + k, 5)));
  for (let article of articles) {
    for (const stage of tree.stages) {
      const before = threadCpuNow() ?? 0;
      article = tree.runStage(stage, article);
      if (timed) tree.ms.set(stage.name, (tree.ms.get(stage.name) ?? 0) + ((threadCpuNow() ?? 0) - before) * 1000);
    }
    if (timed) tree.articles++;
  }
}

const [a, b] = trees;
for (let i = 0; i < Number(warmArg); i += CHUNK) {
  runChunk(a, WARM_UP_OFFSET + i, false);
  runChunk(b, WARM_UP_OFFSET + i, false);
}
for (let i = 0; i < Number(countArg); i += 2 * CHUNK) {
  runChunk(a, i, true);
  runChunk(b, i, true);
  runChunk(b, i + CHUNK, true);
  runChunk(a, i + CHUNK, true);
}
for (const tree of trees) {
  const total = [...tree.ms.values()].reduce((x, y) => x + y, 0);
  const stages = [...tree.ms].map(([name, ms]) => `${name} ${(ms / tree.articles).toFixed(2)}`).join(', ');
  console.log(`${tree.name}: all annotation ${(total / tree.articles).toFixed(2)} CPU ms per article of this thread (${stages})`);
}
