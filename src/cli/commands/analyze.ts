import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDossier } from '../../compare/dossier.js';
import { type IngestOptions, ingest } from '../../engine/ingest.js';
import { relink } from '../../engine/link.js';
import type { ReadOptions } from '../../ingest/read.js';
import { walkInputs } from '../../ingest/walk.js';
import type { Article } from '../../model/article.js';
import type { Dossier } from '../../model/story.js';
import { counted } from '../../render/plural.js';
import { listingDates, storyIndexHtml, storyIndexMarkdown, storyListing } from '../../render/story-index.js';
import { openStore } from '../../store/index.js';
import { type Format, render } from '../formats.js';
import type { CliIo } from '../io.js';
import { replaceAnalysis } from '../out-folder.js';
import { startProgress } from '../progress.js';
import { exitCodeOf, reportProblems } from './ingest.js';

/**
 * Inputs this small run in this thread rather than on the budgeted worker threads: starting a worker and loading
 * the models again in it cost ≈1.2 s on this machine (bench `cli` section), several times the work itself,
 * while a local file of ordinary size cannot keep a linear-time pipeline busy for long. URLs and stdin (unknown
 * size) and anything larger keep the budget.
 */
const SMALL_INPUT = { files: 20, bytesPerFile: 256 * 1024 };

/** `analyze` options: how to read, and where articles are made (`auto`: in this thread for small inputs, else `work`). */
export interface AnalyzeOptions extends ReadOptions {
  work: Pick<IngestOptions, 'budget' | 'threads'>;
  auto: boolean;
}

/**
 * One-shot analysis: ingests into a throw-away store, prints every story's dossier (the contract's JSON with
 * `--json`), and deletes the store. With `--out` it writes the dossiers, an index and the JSON into a folder and
 * prints the stories' titles. Nothing is left behind in the working directory.
 */
export async function runAnalyze(io: CliIo, paths: readonly string[], format: Format, outDir: string | undefined, options: AnalyzeOptions): Promise<number> {
  const inputs = await inputSizes(paths);
  const { work, auto, ...read } = options;
  const dir = await mkdtemp(join(tmpdir(), 'triangulate-'));
  const store = await openStore(dir);
  const progress = startProgress(io, inputs.length);
  try {
    const report = await ingest(store, paths, {
      ...read,
      ...(auto && isSmall(inputs) ? {} : work),
      link: false,
      stdin: io.stdin,
      onItem: (r, path) => progress.update(r, path),
    });
    progress.step('linking stories');
    await relink(store);
    const articles = await store.getArticles(await store.articleIds());
    const byId = new Map(articles.map((a) => [a.id, a]));
    const storyIds = await store.storyIds();
    const dossiers: Dossier[] = [];
    for (const [i, id] of storyIds.entries()) {
      progress.step(`building dossiers ${i + 1}/${storyIds.length}`);
      const story = await store.getStory(id);
      if (story)
        dossiers.push(
          buildDossier(
            story,
            story.articleIds.flatMap((a) => byId.get(a) ?? []),
          ),
        );
    }
    progress.stop();
    reportProblems(io, report);
    dossiers.sort((a, b) => b.articleIds.length - a.articleIds.length || (a.id < b.id ? -1 : 1));
    // Nothing read at all (offline, wrong paths): keep the previous analysis rather than replace it with an empty one.
    if (outDir && report.articleIds.length === 0 && report.problems.length > 0) io.stderr.write(`triangulate: nothing read, so ${outDir} was left as it was\n`);
    else if (outDir) await writeFolder(io, outDir, dossiers, byId);
    else io.stdout.write(render(format, dossiers, byId));
    return exitCodeOf(report);
  } finally {
    progress.stop();
    await store.close();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Writes `index.html`, `index.md`, `analysis.json` and one Markdown and one HTML dossier per story, replacing what
 * an earlier analysis wrote there, and prints each story's title with its dates and counts.
 */
async function writeFolder(io: CliIo, dir: string, dossiers: readonly Dossier[], articles: ReadonlyMap<string, Article>): Promise<void> {
  const listings = dossiers.map((d) => storyListing(d, articles));
  const files: Array<[string, string]> = [
    ['index.html', storyIndexHtml(listings, articles.size)],
    ['index.md', storyIndexMarkdown(listings, articles.size)],
    ['analysis.json', render('json', dossiers, articles)],
  ];
  for (const d of dossiers) files.push([`${d.id}.md`, render('md', [d], articles)], [`${d.id}.html`, render('html', [d], articles)]);
  await replaceAnalysis(dir, files);
  const lines = [`${counted(dossiers.length, 'story', 'stories')} from ${counted(articles.size, 'article')}:`];
  for (const s of listings)
    lines.push(`  ${s.title}`, `    ${listingDates(s)} · ${counted(s.articles, 'article')} · ${counted(s.sources, 'source')} · ${join(dir, `${s.id}.html`)}`);
  lines.push(`open ${join(dir, 'index.html')} (or index.md) for the list; analysis.json holds everything`);
  io.stdout.write(`${lines.join('\n')}\n`);
}

/** Each input file with its size in bytes; null for URLs and stdin, whose size is not known before reading. */
async function inputSizes(paths: readonly string[]): Promise<Array<number | null>> {
  const sizes: Array<number | null> = [];
  for await (const input of walkInputs(paths)) {
    if ('reason' in input) continue;
    sizes.push(
      input.kind === 'url' || input.kind === 'stdin' || input.kind === 'urls'
        ? null
        : await stat(input.path).then(
            (s) => s.size,
            () => null,
          ),
    );
  }
  return sizes;
}

function isSmall(sizes: ReadonlyArray<number | null>): boolean {
  return sizes.length <= SMALL_INPUT.files && sizes.every((s) => s !== null && s <= SMALL_INPUT.bytesPerFile);
}
