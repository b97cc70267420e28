/**
 * Lists candidate real conflicts on ECB+ for reading (not part of the engine): cross-document sentence pairs of one
 * sub-topic that ECB+ annotates as telling one event chain and whose figures (a count of one noun, an age, a
 * magnitude) or weekdays differ. For each, whether the engine reports a conflict between claims of the two
 * sentences, and if not, what its rules said (no frame match, the count rule's answer, the slot rule's answer).
 *
 *   npx tsx scripts/mine-conflict-candidates.ts [--odd] [--out FILE]
 *
 * Even topics by default (the half rules are developed on); --odd for the held-out half. Each sub-topic is run with
 * the pair model and related-predicate table of the other half, and each document dated as a pasted page
 * (ecbplus-dates.ts), as the adjudicated evaluator does.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataRoot, PROJECT_ROOT } from '../eval/harness.js';
import { RELATED_BY_HALF } from '../eval/sets/claims-ecbplus.js';
import { type GoldSentence, goldSentences } from '../eval/sets/claims-ecbplus-gold.js';
import { loadEcbPlus } from '../eval/sets/ecbplus-corpus.js';
import { datedAsPasted } from '../eval/sets/ecbplus-dates.js';
import { alignUnits, SAME_FACT } from '../src/compare/align.js';
import { matchFrames } from '../src/compare/frames.js';
import { SHIPPED_MODELS } from '../src/compare/pair-model/model.js';
import { withRelatedPredicates } from '../src/compare/related-predicates.js';
import { countConflict, slotConflict } from '../src/compare/slot-conflicts.js';
import { factUnits } from '../src/compare/units.js';
import { defaultStages } from '../src/pipeline/registry.js';
import { createPipeline } from '../src/pipeline/runner.js';

const odd = process.argv.includes('--odd');
const outAt = process.argv.indexOf('--out');
const outFile = outAt > 0 ? process.argv[outAt + 1] : undefined;

const NUMBER_WORDS = new Map(
  [
    'zero',
    'one',
    'two',
    'three',
    'four',
    'five',
    'six',
    'seven',
    'eight',
    'nine',
    'ten',
    'eleven',
    'twelve',
    'thirteen',
    'fourteen',
    'fifteen',
    'sixteen',
    'seventeen',
    'eighteen',
    'nineteen',
    'twenty',
  ].map((w, i) => [w, i]),
);
/** A figure, up to two modifiers, and the counted noun: "five people", "at least 43 students", "12 others". */
const COUNT =
  /\b(\d[\d,]{0,9}|zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)((?:\s+[a-z-]{2,20}){1,3})/gu;
const AGE = /\b(\d{1,3})-year-old\b|\baged? (\d{1,3})\b|, (\d{1,3}),/gu;
const MAGNITUDE = /\b(\d\.\d)(?:-| )magnitude\b|\bmagnitude(?:-| )(?:of )?(\d\.\d)\b/giu;
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu;
/** Words after a figure that are no counted noun. */
const NOT_NOUN = new Set([
  'of',
  'and',
  'or',
  'the',
  'a',
  'in',
  'on',
  'at',
  'to',
  'for',
  'percent',
  'year',
  'years',
  'p.m.',
  'a.m.',
  'with',
  'by',
  'from',
  'more',
  'other',
  'others',
]);

interface Mention {
  kind: string;
  key: string;
  value: string;
}

function figureValue(figure: string): number {
  return NUMBER_WORDS.get(figure) ?? Number(figure.replace(/,/gu, ''));
}

function mentions(text: string): Mention[] {
  const out: Mention[] = [];
  for (const m of text.matchAll(COUNT)) {
    const words = (m[2] as string).trim().split(/\s+/u);
    const noun = words.find((w) => !NOT_NOUN.has(w) && !/ly$/u.test(w)) ?? (words[0] === 'others' || words[0] === 'other' ? 'others' : undefined);
    if (!noun || /^(?:january|february|march|april|may|june|july|august|september|october|november|december)$/u.test(noun)) continue;
    out.push({ kind: 'count', key: noun.replace(/s$/u, ''), value: String(figureValue(m[1] as string)) });
  }
  for (const m of text.matchAll(AGE)) out.push({ kind: 'age', key: 'age', value: (m[1] ?? m[2] ?? m[3]) as string });
  for (const m of text.matchAll(MAGNITUDE)) out.push({ kind: 'magnitude', key: 'magnitude', value: (m[1] ?? m[2]) as string });
  for (const m of text.matchAll(WEEKDAY)) out.push({ kind: 'weekday', key: 'weekday', value: m[1] as string });
  return out;
}

/** Keys both sentences mention whose value sets do not overlap. */
function differing(a: Mention[], b: Mention[]): string[] {
  const out: string[] = [];
  for (const key of new Set(a.map((m) => `${m.kind}:${m.key}`))) {
    const va = new Set(a.filter((m) => `${m.kind}:${m.key}` === key).map((m) => m.value));
    const vb = new Set(b.filter((m) => `${m.kind}:${m.key}` === key).map((m) => m.value));
    if (vb.size === 0 || [...va].some((v) => vb.has(v))) continue;
    out.push(`${key} ${[...va].join('/')} ≠ ${[...vb].join('/')}`);
  }
  return out;
}

const root = join(dataRoot(), 'ecbplus');
const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities', 'quotes', 'cues']));
const docs = loadEcbPlus(root)
  .filter((d) => d.topic % 2 === (odd ? 1 : 0))
  .map((d) => ({ ...d, article: pipeline.run(datedAsPasted(d.article)) }));
const sentences = goldSentences(root, docs);
const lines: string[] = [];
/** Real conflicts read on this half (eval/conflict-gold/ecbplus-<half>.jsonl: documents and values, no text). */
interface GoldConflict {
  subtopic: string;
  docs: [string[], string[]];
  values: [string, string];
  kind: string;
  reason: string;
}
const goldFile = join(PROJECT_ROOT, 'eval', 'conflict-gold', `ecbplus-${odd ? 'odd' : 'even'}.jsonl`);
const gold: GoldConflict[] = existsSync(goldFile)
  ? readFileSync(goldFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as GoldConflict)
  : [];
/** Engine conflicts and developments as (sub-topic, document, document, values) for scoring against the gold list. */
const reportedPairs: Array<{ subtopic: string; docs: [string, string]; values: string }> = [];
/** Every conflict and development the engine reports, on any claim: what a reader of the dossiers would see. */
const engine: string[] = [];
let candidates = 0;
let found = 0;
for (const subtopic of new Set(docs.map((d) => d.subtopic))) {
  const subDocs = docs.filter((d) => d.subtopic === subtopic);
  const subSentences = sentences.filter((s) => s.subtopic === subtopic);
  const articles = subDocs.map((d) => d.article);
  const textOf = new Map(subDocs.map((d) => [d.name, d.article.text]));
  const idOf = new Map(subDocs.map((d) => [d.name, d.article.id]));
  const dateOf = new Map(subDocs.map((d) => [d.name, d.article.published.date]));
  const units = factUnits(articles, new Map(articles.map((a) => [a.id, a.outlet ?? a.id])), new Map());
  // The other half's model and gate, as the adjudicated evaluator runs each sub-topic.
  const related = odd ? RELATED_BY_HALF.even : RELATED_BY_HALF.odd;
  const model = odd ? SHIPPED_MODELS.even : SHIPPED_MODELS.odd;
  const { conflicts } = withRelatedPredicates(related, () => alignUnits(units, SAME_FACT, model));
  for (const c of conflicts) {
    const [x, y] = [units[c.a], units[c.b]];
    const doc = (id: string | undefined) => subDocs.find((d) => d.article.id === id)?.name ?? '?';
    reportedPairs.push({ subtopic, docs: [doc(x?.articleId), doc(y?.articleId)], values: c.values.join(' ').toLowerCase() });
    engine.push(
      `## ${subtopic} ${doc(x?.articleId)} ⟷ ${doc(y?.articleId)} ${c.update ? 'DEVELOPMENT' : 'CONFLICT'}${c.unsure ? ' (unsure)' : ''} ${c.slot}: ${c.values.join(' ≠ ')}`,
      `A: ${x?.text}`,
      `B: ${y?.text}`,
      '',
    );
  }
  const unitsIn = (s: GoldSentence) =>
    units.map((u, i) => [u, i] as const).filter(([u]) => u.articleId === idOf.get(s.doc) && u.start < s.end && s.start < u.end);
  for (let i = 0; i < subSentences.length; i++)
    for (let j = i + 1; j < subSentences.length; j++) {
      const [a, b] = [subSentences[i] as GoldSentence, subSentences[j] as GoldSentence];
      if (a.doc === b.doc || ![...a.chains].some((c) => b.chains.has(c))) continue;
      const [ta, tb] = [(textOf.get(a.doc) ?? '').slice(a.start, a.end), (textOf.get(b.doc) ?? '').slice(b.start, b.end)];
      const diff = differing(mentions(ta), mentions(tb));
      if (diff.length === 0) continue;
      candidates++;
      const [ua, ub] = [unitsIn(a), unitsIn(b)];
      const reported = conflicts.filter(
        (c) => (ua.some(([, k]) => k === c.a) && ub.some(([, k]) => k === c.b)) || (ua.some(([, k]) => k === c.b) && ub.some(([, k]) => k === c.a)),
      );
      if (reported.length) found++;
      // Why not: the rules' answers over every claim pair of the two sentences that the gate matches.
      const why: string[] = [];
      withRelatedPredicates(related, () => {
        for (const [x] of ua)
          for (const [y] of ub) {
            const m = matchFrames(x.frame, y.frame);
            if (!m) continue;
            const s = slotConflict(x.frame, y.frame, m, [x.published, y.published]);
            const c = countConflict(x.frame, y.frame, m, [x.published, y.published]);
            why.push(
              `match(${m.shared} ${m.slots.join(',')}) slot=${typeof s === 'object' && s ? `${s.kind}:${s.values.join('|')}` : s} count=${typeof c === 'object' && c ? `${c.kind}:${c.values.join('|')}` : c}`,
            );
          }
      });
      lines.push(
        `## ${subtopic} ${a.doc} (${dateOf.get(a.doc) ?? '?'}) ⟷ ${b.doc} (${dateOf.get(b.doc) ?? '?'})`,
        `DIFF: ${diff.join('; ')}`,
        `A: ${ta}`,
        `B: ${tb}`,
        `ENGINE: ${reported.length ? reported.map((c) => `${c.slot} ${c.values.join(' ≠ ')}${c.update ? ' (development)' : ''}`).join('; ') : 'none'}`,
        `WHY: ${why.length ? why.join(' / ') : 'no claim pair matched by the gate'}`,
        '',
      );
    }
}
lines.push(`# engine conflicts and developments, every claim: ${engine.filter((l) => l.startsWith('## ')).length}`, '', ...engine);
const goldFound = gold.filter((g) =>
  reportedPairs.some(
    (r) =>
      r.subtopic === g.subtopic &&
      ((g.docs[0].includes(r.docs[0]) && g.docs[1].includes(r.docs[1])) || (g.docs[0].includes(r.docs[1]) && g.docs[1].includes(r.docs[0]))) &&
      g.values.every((v) => new RegExp(`(?<![\\d.])${v.replace('.', '\\.')}(?![\\d]|\\.\\d)`, 'u').test(r.values)),
  ),
);
lines.unshift(
  `# gold list (${goldFile.split('/').pop()}): ${goldFound.length} of ${gold.length} real conflicts reported`,
  ...gold.map((g) => `- ${goldFound.includes(g) ? 'FOUND' : 'missed'} ${g.subtopic} ${g.kind} ${g.values.join(' ≠ ')}: ${g.reason}`),
  '',
);
lines.unshift(`# ${odd ? 'odd' : 'even'} topics: ${candidates} candidate sentence pairs, ${found} with an engine conflict`, '');
if (outFile) writeFileSync(outFile, lines.join('\n'));
else process.stdout.write(lines.join('\n'));
