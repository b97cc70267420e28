import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { cleanDocument } from '../../src/clean/index.js';
import { canonicalOutlet } from '../../src/clean/outlet-registry.js';
import { domainName, squash } from '../../src/clean/title.js';
import { makeDocument } from '../../src/ingest/records.js';
import type { Article } from '../../src/model/article.js';
import type { EvalResult, Evaluator, Row } from '../harness.js';
import { type PageScore, shingleScore, summarizeShingles } from './extraction-metrics.js';
import { isTuningHalf, readPage } from './html-pages.js';

/** In `--quick` mode every QUICK_STRIDE-th line of each file is scored. */
const QUICK_STRIDE = 3;
/** A title "found" must share this much of the reference's words (the reference may carry a site name or kicker). */
const MIN_TITLE_OVERLAP = 0.8;

/** One page as pasted, joined to its parent HTML and gold. */
export interface PastedPage {
  set: 'zyte' | 'htmldate';
  /** Line number in its file: even lines tune, odd lines are held out. */
  index: number;
  url: string;
  text: string;
  htmlPath: string;
  goldBody: string | null;
  /** `YYYY-MM-DD`, '' for "no date" (NaN upstream), null where the set has no date gold (Zyte). */
  goldDate: string | null;
}

/** What the reference HTML says about outlet and title (weak gold, as SOURCE.md describes). */
export interface Reference {
  siteName: string | null;
  domain: string | null;
  titles: string[];
}

/** Per page and per input (pasted text, HTML): what was found. */
interface Outcome {
  set: PastedPage['set'];
  index: number;
  body: PageScore | null;
  date: 'tp' | 'fp' | 'fn' | 'tn' | null;
  /** null when the page's text never names its outlet (it is then not counted). */
  outlet: boolean | null;
  /** Whether an outlet was given, and whether it was right (on every page: precision counts them all). */
  outletGiven: boolean;
  outletRight: boolean;
  title: boolean | null;
  /** Any title at all, on pages whose HTML has `<title>` or og:title (the HTML target). */
  titlePresent: boolean | null;
}

function readLines(path: string): Array<{ id: string; url: string; text: string }> {
  return gunzipSync(readFileSync(path))
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; url: string; text: string });
}

export function loadPages(root: string, quick: boolean): PastedPage[] {
  const pages: PastedPage[] = [];
  const zyteGold = JSON.parse(readFileSync(join(root, 'article-extraction-benchmark', 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
  readLines(join(root, 'pasted-pages', 'zyte.jsonl.gz')).forEach((line, index) => {
    if (quick && index % QUICK_STRIDE !== 0) return;
    const htmlPath = join(root, 'article-extraction-benchmark', 'html', `${line.id}.html.gz`);
    pages.push({ set: 'zyte', index, url: line.url, text: line.text, htmlPath, goldBody: zyteGold[line.id]?.articleBody ?? null, goldDate: null });
  });
  const dates = new Map<string, string>();
  for (const name of ['eval_default.json', 'eval_mediacloud_2020.json']) {
    const raw = readFileSync(join(root, 'htmldate-eval', name), 'utf8').replace(/:\s{0,5}NaN\b/g, ': null');
    for (const [url, entry] of Object.entries(JSON.parse(raw) as Record<string, { date: string | null }>)) dates.set(url, entry.date ?? '');
  }
  readLines(join(root, 'pasted-pages', 'htmldate.jsonl.gz')).forEach((line, index) => {
    if (quick && index % QUICK_STRIDE !== 0) return;
    const htmlPath = join(root, 'htmldate-eval', 'html', line.id);
    pages.push({ set: 'htmldate', index, url: line.url, text: line.text, htmlPath, goldBody: null, goldDate: dates.get(line.url) ?? '' });
  });
  return pages;
}

/** og:site_name, og:title and `<title>` of the parent HTML, read with bounded patterns (evaluation only). */
export function reference(html: string, url: string): Reference {
  const head = html.slice(0, 400_000);
  const metas = new Map<string, string>();
  for (const m of head.matchAll(/<meta\b([^>]{0,1000})>/gi)) {
    const attrs = m[1] ?? '';
    const key = /(?:property|name)\s*=\s*["']?([\w:.-]{1,60})/i.exec(attrs)?.[1]?.toLowerCase();
    const content = /content\s*=\s*(?:"([^"]{0,400})"|'([^']{0,400})')/i.exec(attrs);
    if (key && content && !metas.has(key)) metas.set(key, decode(content[1] ?? content[2] ?? ''));
  }
  const title = /<title\b[^>]{0,200}>([^<]{1,400})<\/title>/i.exec(head)?.[1];
  const titles = [metas.get('og:title'), title ? decode(title) : undefined].filter((t): t is string => !!t && t.trim() !== '');
  return { siteName: metas.get('og:site_name')?.trim() || null, domain: domainName(url), titles };
}

function decode(text: string): string {
  return text
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;|&#x27;/g, "'")
    .replace(/&#8217;|&rsquo;/g, '’')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .trim();
}

/**
 * The outlet matches the page's site name or domain (squashed, either containing the other), or the source registry
 * maps both to one outlet ("WSJ" and "The Wall Street Journal").
 */
export function outletMatches(outlet: string | null, ref: Reference, url: string): boolean {
  if (!outlet) return false;
  const mine = canonicalOutlet(outlet);
  if (mine?.known && [canonicalOutlet(ref.siteName), canonicalOutlet(null, url)].some((c) => c?.known && c.key === mine.key)) return true;
  const o = squash(outlet);
  if (o.length < 2) return false;
  return [ref.siteName, ref.domain].some((r) => {
    const k = r ? squash(r) : '';
    return k.length >= 2 && (k === o || (Math.min(k.length, o.length) >= 4 && (k.includes(o) || o.includes(k))));
  });
}

/** Whether the page's text names its outlet at all (the outlet target counts only those pages). */
export function namesOutlet(text: string, ref: Reference): boolean {
  const flat = squash(text.slice(0, 200_000));
  return [ref.siteName, ref.domain].some((r) => {
    const k = r ? squash(r) : '';
    return k.length >= 3 && flat.includes(k);
  });
}

function titleMatches(title: string | null, ref: Reference): boolean {
  if (!title) return false;
  const words = new Set(squashWords(title));
  if (words.size === 0) return false;
  return ref.titles.some((t) => {
    const refWords = squashWords(t);
    const shared = refWords.filter((w) => words.has(w)).length;
    // The found title must be mostly the reference's words, and cover most of the reference or all of its headline part.
    return shared / words.size >= MIN_TITLE_OVERLAP && shared >= Math.min(refWords.length, 3) * MIN_TITLE_OVERLAP;
  });
}

function squashWords(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

function outcome(page: PastedPage, article: Article | null, ref: Reference, named: boolean): Outcome {
  const date = page.goldDate === null ? null : scoreDate(article?.published.date ?? null, page.goldDate);
  return {
    set: page.set,
    index: page.index,
    body: page.goldBody === null ? null : shingleScore(page.goldBody, article?.text ?? ''),
    date,
    outlet: named ? outletMatches(article?.outlet ?? null, ref, page.url) : null,
    outletGiven: !!article?.outlet,
    outletRight: outletMatches(article?.outlet ?? null, ref, page.url),
    title: ref.titles.length > 0 ? titleMatches(article?.title ?? null, ref) : null,
    titlePresent: ref.titles.length > 0 ? !!article?.title : null,
  };
}

function scoreDate(found: string | null, gold: string): 'tp' | 'fp' | 'fn' | 'tn' {
  const day = found && /^\d{4}-\d{2}-\d{2}$/.test(found) ? found : null;
  if (gold === '') return day ? 'fp' : 'tn';
  if (!day) return found ? 'fp' : 'fn';
  return day === gold ? 'tp' : 'fp';
}

function summarize(system: string, split: string, outcomes: readonly Outcome[]): Row {
  const dates = outcomes.map((o) => o.date).filter((d) => d !== null);
  const tp = dates.filter((d) => d === 'tp').length;
  const fp = dates.filter((d) => d === 'fp').length;
  const fn = dates.filter((d) => d === 'fn').length;
  const bodies = outcomes.map((o) => o.body).filter((b): b is PageScore => b !== null);
  const outlets = outcomes.map((o) => o.outlet).filter((x) => x !== null);
  const titles = outcomes.map((o) => o.title).filter((x) => x !== null);
  const present = outcomes.map((o) => o.titlePresent).filter((x) => x !== null);
  const share = (xs: boolean[]): number | null => (xs.length === 0 ? null : xs.filter(Boolean).length / xs.length);
  return {
    system,
    split,
    pages: outcomes.length,
    'date P': tp + fp === 0 ? null : tp / (tp + fp),
    'date R': tp + fn === 0 ? null : tp / (tp + fn),
    'outlet found': share(outlets),
    'outlet pages': outlets.length,
    'outlet P': share(outcomes.filter((o) => o.outletGiven).map((o) => o.outletRight)),
    'outlet given': outcomes.filter((o) => o.outletGiven).length,
    'body F1': bodies.length === 0 ? null : summarizeShingles(bodies).f1,
    'title found': share(titles),
    'title present': share(present),
  };
}

/**
 * Pasted real pages (../shared/data/pasted-pages): the visible text of the article-extraction-benchmark and
 * htmldate-eval pages, cleaned as pasted text (no URL, no hints), beside the engine on the same pages' HTML.
 */
export const pastedPagesEval: Evaluator = {
  id: 'pasted-pages',
  dataset: 'pasted-pages',
  async run(path, { quick }): Promise<EvalResult> {
    const root = join(path, '..');
    const pasted: Outcome[] = [];
    const html: Outcome[] = [];
    const raw: Outcome[] = [];
    for (const page of loadPages(root, quick)) {
      const pageHtml = readPage(page.htmlPath);
      const ref = reference(pageHtml, page.url);
      const named = namesOutlet(page.text, ref);
      const fromText = safeClean(() => cleanDocument(makeDocument({ kind: 'text', path: page.url }, 'text', page.text)));
      const fromHtml = safeClean(() => cleanDocument(makeDocument({ kind: 'html', path: page.url }, 'html', pageHtml, { url: page.url })));
      pasted.push(outcome(page, fromText, ref, named));
      html.push(outcome(page, fromHtml, ref, named));
      if (page.goldBody !== null)
        raw.push({
          set: page.set,
          index: page.index,
          body: shingleScore(page.goldBody, page.text),
          date: null,
          outlet: null,
          outletGiven: false,
          outletRight: false,
          title: null,
          titlePresent: null,
        });
    }
    const rows: Row[] = [];
    const splits: Array<{ label: string; keep: (o: Outcome) => boolean }> = [
      { label: 'tuning (even)', keep: (o) => isTuningHalf(o.index) },
      { label: 'held-out (odd)', keep: (o) => !isTuningHalf(o.index) },
    ];
    for (const split of splits) {
      rows.push(summarize('pasted text → this engine', split.label, pasted.filter(split.keep)));
      rows.push(summarize('page HTML → this engine', split.label, html.filter(split.keep)));
      rows.push({ ...summarize('pasted text, uncleaned', split.label, raw.filter(split.keep)), pages: null });
    }
    return {
      title: 'Pasted real pages: metadata and body from select-all text (pasted-pages)',
      note:
        `${quick ? 'quick subset (every 3rd line)' : `${pasted.length} pages`}: Zyte (article-extraction-benchmark, body gold) and htmldate-eval (date gold); ` +
        'even lines of each file tuned the header/date/byline rules and trained the outlet model (scripts/train-outlet-model.ts), odd lines are held out. Date: exact day, P = tp/(tp+fp), R = tp/(tp+fn) over pages with a gold day. ' +
        'Outlet found (recall): the outlet matches og:site_name or the domain name (or the registry maps both to one outlet), over pages whose text names one of them; outlet P: right among all pages given an outlet. Title found: ≥ 80% word overlap with og:title or <title>. ' +
        'Body F1: the benchmark’s 4-gram shingle metric on the Zyte pages.',
      columns: ['split', 'pages', 'date P', 'date R', 'outlet found', 'outlet pages', 'outlet P', 'outlet given', 'body F1', 'title found', 'title present'],
      rows,
      targets: [
        'pasted: date P ≥ 0.95 at R ≥ 0.75; outlet found ≥ 0.85 of pages that name it (a wrong outlet is worse than none: read with outlet P); body F1 ≥ 0.90',
        'HTML: title present on ≥ 98% of pages with <title>/og:title',
      ],
    };
  },
};

function safeClean(run: () => Article): Article | null {
  try {
    return run();
  } catch {
    return null;
  }
}

/** Word tokens of a text with their counts (the shingle metric's `\w+` tokens). */
function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

/** Share of the input's words (with multiplicity) still in the output. */
export function keptShare(input: string, output: string): { kept: number; total: number } {
  const before = wordCounts(input);
  const after = wordCounts(output);
  let total = 0;
  let kept = 0;
  for (const [w, n] of before) {
    total += n;
    kept += Math.min(n, after.get(w) ?? 0);
  }
  return { kept, total };
}

/** Loss above which one text counts as damaged (the issue's bound), and the share reported as badly damaged. */
const MAX_LOSS = 0.05;
/** trafilatura "with" segments shorter than this ("gsoc-2018", "0.091 GB/s") are fragments, not paragraphs. */
const MIN_SEGMENT_WORDS = 6;
const BAD_LOSS = 0.2;

/**
 * Clean text in, clean text out: gold article bodies (article-extraction-benchmark `articleBody`; trafilatura-eval
 * `with` segments, one paragraph each) fed to the pasted-text cleaner. It must keep their words: every word it
 * removes is real body text lost.
 */
export const cleanBodiesEval: Evaluator = {
  id: 'clean-bodies',
  dataset: 'article-extraction-benchmark',
  async run(path, { quick }): Promise<EvalResult> {
    const texts: Array<{ set: string; index: number; text: string }> = [];
    const zyte = JSON.parse(readFileSync(join(path, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string }>;
    for (const [index, id] of Object.keys(zyte).sort().entries()) texts.push({ set: 'zyte', index, text: zyte[id]?.articleBody ?? '' });
    const traf = JSON.parse(readFileSync(join(path, '..', 'trafilatura-eval', 'evaldata.json'), 'utf8')) as Record<string, { with?: string[] }>;
    Object.values(traf).forEach((entry, index) => {
      // Segments are pieces chosen to test extractors (often cut mid-sentence); only whole sentences stand for paragraphs.
      const segments = (entry.with ?? []).filter((s) => s.trim().split(/\s+/).length >= MIN_SEGMENT_WORDS && /^\p{Lu}.*[.!?]["”»]?$/su.test(s.trim()));
      if (segments.length > 0) texts.push({ set: 'trafilatura', index, text: segments.join('\n\n') });
    });
    const rows: Row[] = [];
    const results = texts
      .filter((t) => !quick || t.index % QUICK_STRIDE === 0)
      .map((t) => {
        const article = safeClean(() => cleanDocument(makeDocument({ kind: 'text', path: `${t.set}-${t.index}` }, 'text', t.text)));
        return { ...t, ...keptShare(t.text, article?.text ?? '') };
      });
    for (const set of ['zyte', 'trafilatura']) {
      for (const [label, keep] of [
        ['tuning (even)', isTuningHalf],
        ['held-out (odd)', (i: number) => !isTuningHalf(i)],
      ] as const) {
        const mine = results.filter((r) => r.set === set && keep(r.index));
        const loss = mine.map((r) => (r.total === 0 ? 0 : 1 - r.kept / r.total));
        const kept = mine.reduce((a, r) => a + r.kept, 0);
        const total = mine.reduce((a, r) => a + r.total, 0);
        rows.push({
          system: `pasted-text cleaner on ${set === 'zyte' ? 'Zyte articleBody' : 'trafilatura "with" segments'}`,
          split: label,
          texts: mine.length,
          'words kept': total === 0 ? null : kept / total,
          [`texts losing > ${MAX_LOSS * 100}%`]: loss.filter((l) => l > MAX_LOSS).length,
          [`texts losing > ${BAD_LOSS * 100}%`]: loss.filter((l) => l > BAD_LOSS).length,
          'worst loss': loss.length === 0 ? null : Math.max(...loss),
        });
      }
    }
    return {
      title: 'Clean text in, clean text out: gold bodies fed to the pasted-text cleaner',
      note: `${quick ? 'quick subset (every 3rd text)' : `${results.length} texts`}; words are \\w+ tokens with multiplicity. Even positions tuned the removal rules, odd positions held out.`,
      columns: ['split', 'texts', 'words kept', `texts losing > ${MAX_LOSS * 100}%`, `texts losing > ${BAD_LOSS * 100}%`, 'worst loss'],
      rows,
      targets: ['≥ 99.5% of words kept; no text losing more than 5%'],
    };
  },
};
