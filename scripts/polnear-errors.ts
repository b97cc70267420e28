/**
 * `npx tsx scripts/polnear-errors.ts [dev|test] [class] [limit] [cue regex]`: the speaker errors of the quotes stage on one
 * PolNeAR split, scored by the evaluator's own rules (eval/sets/polnear/score.ts). Prints a count per error class,
 * the gold cue words and source words of the misses, then examples of one class with their context. Classes:
 * - missed: a gold unit with a source that no system unit matches (speaker recall lost to content recall);
 * - unnamed: matched, gold has a source, the system gives no speaker;
 * - wrong: matched, the system speaker is not the gold source;
 * - false: a system unit giving a speaker that matches no gold unit (precision lost).
 * Develop on dev; the test split is for final figures only (the corpus README asks not to read it).
 */

import { dataSet } from '../eval/harness.js';
import { loadSplit } from '../eval/sets/polnear/brat.js';
import { goldUnits, pairUp, speakerIsRight, systemUnits, type Unit } from '../eval/sets/polnear/score.js';
import { speechVerb } from '../src/annotate/quotes/cue-words.js';
import { quotes } from '../src/annotate/quotes/quotes.js';
import { overlap, type Span } from '../src/model/span.js';
import { runStage } from '../src/pipeline/runner.js';
import { plainArticle } from '../test/plain-article.js';

type ErrorClass = 'missed' | 'unnamed' | 'wrong' | 'false';

interface Example {
  doc: string;
  text: string;
  unit: Unit;
  gold?: Unit;
  cue: string;
}

const CONTEXT_CHARS = 110;

function clip(text: string, span: Span): string {
  const from = Math.max(0, span.start - CONTEXT_CHARS);
  const to = Math.min(text.length, span.end + CONTEXT_CHARS);
  return `${text.slice(from, span.start)}[[${text.slice(span.start, span.end)}]]${text.slice(span.end, to)}`.replace(/\s+/g, ' ');
}

function words(text: string, spans: readonly Span[]): string {
  return spans.map((s) => text.slice(s.start, s.end)).join(' … ');
}

function bump(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}

function top(counts: Map<string, number>, n: number): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
}

/** A coarse class of a gold source phrase, to see which kinds of speaker are lost. */
function sourceKind(source: string): string {
  const lower = source.toLowerCase().trim();
  if (/^(he|she|they|i|we|it|you|who)$/.test(lower)) return 'pronoun';
  if (/^\p{Lu}/u.test(source.trim()) && !/^(the|a|an|some|many|most|both)\b/i.test(lower)) return 'name';
  return 'description';
}

function main(): void {
  const split = (process.argv[2] ?? 'dev') as 'dev' | 'test';
  const show = (process.argv[3] ?? 'missed') as ErrorClass;
  const limit = Number(process.argv[4] ?? 40);
  const cueFilter = process.argv[5];
  const root = dataSet('polnear');
  if (!root) throw new Error('polnear data set not found');
  const stage = quotes();
  const examples: Record<ErrorClass, Example[]> = { missed: [], unnamed: [], wrong: [], false: [] };
  const missedCues = new Map<string, number>();
  const missedKinds = new Map<string, number>();
  const missedOutlets = new Map<string, number>();
  let right = 0;
  let inside = 0;
  let sourced = 0;
  let given = 0;
  for (const doc of loadSplit(root, split)) {
    const mentions = runStage(stage, plainArticle(doc.text, 'en', doc.name)).layers.quotes ?? [];
    const gold = goldUnits(doc.text, doc.attributions);
    const cueOf = new Map<Unit, string>();
    let g = 0;
    for (const a of doc.attributions) for (const _ of goldUnits(doc.text, [a])) cueOf.set(gold[g++] as Unit, words(doc.text, a.cue).toLowerCase());
    const system = systemUnits(doc.text, mentions);
    const pairs = pairUp(doc.text, gold, system, false);
    const goldPaired = new Map(pairs.map((p) => [p.g, p.s]));
    const systemPaired = new Map(pairs.map((p) => [p.s, p.g]));
    gold.forEach((unit, gi) => {
      if (unit.source.length === 0) return;
      sourced++;
      const cue = cueOf.get(unit) ?? '';
      const si = goldPaired.get(gi);
      if (si === undefined) {
        // Inside a system unit that matched another fragment: a scoring split ("“A. B.”" annotated per sentence).
        if (system.some((u) => overlap(u, unit) >= 0.9 * (unit.end - unit.start))) inside++;
        examples.missed.push({ doc: doc.name, text: doc.text, unit, cue });
        bump(missedCues, cue);
        bump(missedKinds, `${unit.direct ? 'direct' : 'reported'} ${sourceKind(words(doc.text, unit.source))}`);
        bump(missedOutlets, doc.name.replace(/_.*/, ''));
        return;
      }
      const s = system[si] as Unit;
      if (s.speaker === null) examples.unnamed.push({ doc: doc.name, text: doc.text, unit: s, gold: unit, cue });
      else if (speakerIsRight(doc.text, unit, s)) right++;
      else examples.wrong.push({ doc: doc.name, text: doc.text, unit: s, gold: unit, cue });
    });
    system.forEach((unit, si) => {
      if (unit.speaker === null) return;
      given++;
      if (!systemPaired.has(si)) examples.false.push({ doc: doc.name, text: doc.text, unit, cue: '' });
    });
  }
  const wrongGiven = examples.wrong.length;
  console.log(`PolNeAR ${split}: gold units with a source ${sourced}; right ${right} (R ${(right / sourced).toFixed(3)})`);
  console.log(`system units giving a speaker ${given} (P ${(right / given).toFixed(3)})`);
  console.log(`missed ${examples.missed.length}, unnamed ${examples.unnamed.length}, wrong ${wrongGiven}, false ${examples.false.length}`);
  console.log(`missed but inside a system unit (fragments of one quote): ${inside}`);
  console.log(`missed by kind: ${top(missedKinds, 10)}`);
  console.log(`missed by outlet: ${top(missedOutlets, 10)}`);
  console.log(`missed by gold cue: ${top(missedCues, 40)}\n`);
  // "known": the gold cue holds a speech verb this stage knows (a structure missed, not a verb).
  const keep = (e: Example): boolean =>
    cueFilter === 'known' ? e.cue.split(/[^\p{L}]+/u).some((w) => speechVerb(w) !== undefined) : new RegExp(cueFilter ?? '').test(e.cue);
  const shown = examples[show].filter(keep);
  console.log(`shown ${shown.length}`);
  for (const e of shown.slice(0, limit)) {
    const gold = e.gold ?? (show === 'missed' ? e.unit : undefined);
    const source = gold ? words(e.text, gold.source) : '–';
    const speaker = show === 'missed' ? '' : ` system "${e.unit.speaker ?? 'null'}"${e.unit.speakerSpan ? ` at "${words(e.text, [e.unit.speakerSpan])}"` : ''}`;
    console.log(`- ${e.doc}: gold source "${source}" cue "${e.cue}"${speaker}\n  ${clip(e.text, e.unit)}`);
  }
}

main();
