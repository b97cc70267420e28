// Where the pasted-text outlet is lost: per page of ../shared/data/pasted-pages, whether a name the evaluation accepts
// (og:site_name, the URL's domain name, or one registry outlet: eval/sets/pasted-pages.ts `outletMatches`) is written
// in the text at all as whole words, whether a candidate (outlet-features.ts) holds it, and where the model ranks it.
// `npx tsx scripts/outlet-ceiling.ts [--half odd|even] [--list KIND]`. Analysis only: nothing here runs in the engine.
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
  const keys = [ref.siteName, ref.domain].map((r) => (r ? squash(r) : '')).filter((k) => k.length >= 2);
  for (const line of text.split('\n')) {
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
  }
  return null;
}

const model = shippedOutletModel();
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
