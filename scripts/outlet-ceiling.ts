// Where the pasted-text outlet is lost: per page of ../shared/data/pasted-pages, whether a name the evaluation accepts
// (og:site_name, the URL's domain name, or one registry outlet: eval/sets/pasted-pages.ts `outletMatches`) is written
// in the text at all as whole words, whether a candidate (outlet-features.ts) holds it, and where the model ranks it.
// `npx tsx scripts/outlet-ceiling.ts [--half odd|even] [--list KIND] [--where]`. Analysis only: nothing here runs in the engine.
// `--where`: for pages given no outlet, the kinds of line that write an accepted name (a page counts once per kind).
import { join } from 'node:path';
import { isTuningHalf, readPage } from '../eval/sets/html-pages.js';
import { loadPages, namesOutlet, outletMatches, type Reference, reference } from '../eval/sets/pasted-pages.js';
import { repairText } from '../src/clean/encoding/repair.js';
import { cleanDocument } from '../src/clean/index.js';
import { cleanPastedText } from '../src/clean/text/clean-text.js';
import { outletCandidates } from '../src/clean/text/outlet-features.js';
import { outletScore, pageChoice, shippedOutletModel, wholeName } from '../src/clean/text/outlet-model.js';
import { headerOutlet } from '../src/clean/text/page-meta.js';
import { squash } from '../src/clean/title.js';
import { makeDocument } from '../src/ingest/records.js';

const ROOT = join(import.meta.dirname, '..', '..', 'shared', 'data');
const half = process.argv.includes('--half') ? process.argv[process.argv.indexOf('--half') + 1] : 'odd';
const listKind = process.argv.includes('--list') ? process.argv[process.argv.indexOf('--list') + 1] : undefined;
const where = process.argv.includes('--where');
/** Longest run of words read as one written name. */
const MAX_RUN = 5;

type Kind =
  | 'found'
  | 'wrong outlet given'
  | '(a) not written as words'
  | '(b) written, no candidate'
  | '(c1) top candidate, below threshold'
  | '(c2) ranked below another';

/** Whether some run of whole words of the text is a name the evaluation accepts for the page. */
function writtenAsWords(text: string, ref: Reference, url: string): string | null {
  for (const line of text.split('\n')) {
    const run = acceptedRun(line, ref, url);
    if (run) return run;
  }
  return null;
}

/** The first run of whole words of one line that the evaluation accepts as the page's outlet, or null. */
function acceptedRun(line: string, ref: Reference, url: string): string | null {
  const keys = [ref.siteName, ref.domain].map((r) => (r ? squash(r) : '')).filter((k) => k.length >= 2);
  const words = line.match(/[\p{L}\p{N}][\p{L}\p{N}&'’.-]*/gu) ?? [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 1; n <= MAX_RUN && i + n <= words.length; n++) {
      const run = words.slice(i, i + n).join(' ');
      const s = squash(run);
      // Cheap filter first: the run must share letters with a key the way outletMatches accepts.
      if (!keys.some((k) => s.length >= 2 && (k === s || k.includes(s) || s.includes(k) || s.startsWith(k.slice(0, 3))))) continue;
      if (outletMatches(run, ref, url)) return run;
    }
  }
  return null;
}

/** Kinds of line a page may write its name in (`--where`), tested in this order; a line takes every kind it fits. */
const PLACES: Array<[string, (line: string, i: number, n: number, headline: number) => boolean]> = [
  ['top 5 lines', (_l, i) => i < 5],
  ['last 20 lines', (_l, i, n) => i >= n - 20],
  ['within 3 lines of the headline', (_l, i, _n, h) => h >= 0 && Math.abs(i - h) <= 3],
  ['copyright line', (l) => /©|\(c\)|\bcopyright\b|all rights reserved/i.test(l)],
  ['byline ("By …")', (l) => /^(?:by|von|por|par)\s/i.test(l)],
  ['source / via / credit', (l) => /\b(?:source|quelle|fuente|via|photo|foto|credit)\b\s*[:|]?/i.test(l)],
  ['address (URL, domain, e-mail)', (l) => /https?:\/\/|www\.|@[\w-]+\.\w|\b[\w-]{2,40}\.(?:com|net|org|de|fr|es|it|ch|at|co\.uk|in|info)\b/i.test(l)],
  ['social handle (@name)', (l) => /(?<![\w.])@[A-Za-z0-9_]{2,30}(?![\w.@])/.test(l)],
  ['site phrase (newsletter, subscribe, follow, about, more from)', (l) => /\b(?:newsletter|subscribe|follow|about|more from|sign up|abonn|folgen)/i.test(l)],
  ['prose line (> 12 words)', (l) => l.split(/\s+/).length > 12],
  ['short line (≤ 12 words)', (l) => l.split(/\s+/).length <= 12],
];

const model = shippedOutletModel();
const places = new Map<string, number>();
let placed = 0;
const counts = new Map<Kind, number>();
const notCounted = { pages: 0, given: 0, wrong: 0 };
let pagesIn = 0;
for (const page of loadPages(ROOT, false)) {
  if (isTuningHalf(page.index) !== (half === 'even')) continue;
  const ref = reference(readPage(page.htmlPath), page.url);
  const article = cleanDocument(makeDocument({ kind: 'text', path: page.url }, 'text', page.text));
  const given = article.outlet;
  const right = outletMatches(given, ref, page.url);
  if (!namesOutlet(page.text, ref)) {
    notCounted.pages++;
    if (given) notCounted.given++;
    if (given && !right) notCounted.wrong++;
    continue;
  }
  pagesIn++;
  const cleaned = cleanPastedText(repairText(page.text, { decodeEntities: true }).text);
  const candidates = outletCandidates(cleaned.lines, cleaned.labels, headerOutlet(cleaned.metaLines));
  const scores = candidates.map((c) => outletScore(model, c.features));
  const keys = candidates.map((c) => c.key);
  const choice = pageChoice(scores, keys);
  const top = choice
    ? wholeName(
        choice.index,
        scores,
        keys,
        candidates.map((c) => c.features),
      )
    : -1;
  const rightIdx = candidates.findIndex((c) => outletMatches(c.name, ref, page.url));
  const written = writtenAsWords(page.text, ref, page.url);
  let kind: Kind;
  if (right) kind = 'found';
  else if (given) kind = 'wrong outlet given';
  else if (!written) kind = '(a) not written as words';
  else if (rightIdx < 0) kind = '(b) written, no candidate';
  else if (top >= 0 && outletMatches(candidates[top]?.name ?? null, ref, page.url)) kind = '(c1) top candidate, below threshold';
  else kind = '(c2) ranked below another';
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  if (where && !given) {
    const rawLines = repairText(page.text, { decodeEntities: true })
      .text.split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '');
    const headline = cleaned.headline ? rawLines.indexOf(cleaned.headline) : -1;
    const kinds = new Set<string>();
    rawLines.forEach((l, i) => {
      if (!acceptedRun(l.slice(0, 2000), ref, page.url)) return;
      for (const [place, test] of PLACES) if (test(l, i, rawLines.length, headline)) kinds.add(place);
    });
    if (kinds.size > 0) placed++;
    for (const k of kinds) places.set(k, (places.get(k) ?? 0) + 1);
  }
  if (listKind && kind.startsWith(listKind)) {
    const topName = top >= 0 ? candidates[top]?.name : '-';
    console.log(
      `${page.set}#${page.index} ${page.url.slice(0, 70)} | gold ${ref.siteName ?? '-'} / ${ref.domain} | given ${given ?? '-'} | written "${written ?? ''}" | top ${topName} p=${choice?.probability.toFixed(2) ?? '-'}`,
    );
  }
}
console.log(`${half} pages whose text names the outlet (the evaluation's denominator): ${pagesIn}`);
for (const [kind, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${kind}: ${n} (${(n / pagesIn).toFixed(3)})`);
console.log(`pages not counted (text never names it, squashed): ${notCounted.pages}; given an outlet there: ${notCounted.given}, wrong: ${notCounted.wrong}`);
if (where) {
  console.log(`pages given no outlet whose lines write an accepted name: ${placed}; per kind of line (a page counts once per kind):`);
  for (const [place, n] of [...places].sort((a, b) => b[1] - a[1])) console.log(`  ${place}: ${n}`);
}
