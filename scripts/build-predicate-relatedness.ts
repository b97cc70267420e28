// Learns which predicate classes tell one happening (src/compare/related-predicates.json) from ECB+'s gold event
// chains: for every two event mentions of different documents of one sub-topic (validated sentences only) whose
// words fall in different predicate classes, counts whether they co-refer. One table per half of the topics (even,
// odd: each gates the other half in `npm run eval -- claims-ecbplus`) and one on all topics (the engine's).
// `npx tsx scripts/build-predicate-relatedness.ts [--show]`. Deterministic; writes class names and counts only.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readMentions } from '../eval/sets/claims-ecbplus-gold.js';
import { analyze } from '../src/annotate/nlp.js';
import { predicateKey, type RelatedRow, type RelatedTables, withEventNouns } from '../src/compare/related-predicates.js';

/**
 * A pair is kept when at least MIN_TOGETHER of its cross-document mention pairs co-refer (fewer is one sentence's
 * accident) and at least MIN_SHARE of them do. On all of ECB+, two mentions of one class co-refer 0.77 of the time,
 * two of different classes 0.04. Measured on claims-ecbplus with each half gated by the other half's table: 0.2
 * (five times the base rate) keeps the related route's guarded claim pairs as often right as same-class ones
 * (0.86), gate reach 0.321 (MIN_SHARE 0.5) -> 0.333; 0.1 reached 0.337 with the other-role pairs falling to 0.81
 * right. MIN_TOGETHER 3 halves the table (382 -> 194 pairs) for 0.003 of reach.
 */
const MIN_TOGETHER = 3;
const MIN_SHARE = 0.2;

/**
 * Event nouns the lexicon lacks ("rampage", "heist", "action"): a noun is one when ECB+ annotates at least
 * MIN_NOUN_EVENTS of its occurrences in validated sentences as event mentions, at least MIN_NOUN_SHARE of them, in
 * at least MIN_NOUN_TOPICS topics (one story's word is no class of words). Claim frames then read it as a predicate
 * (claims.ts), so "his first visit" style nominal claims of words the lexicon does not list meet too.
 */
const MIN_NOUN_EVENTS = 5;
const MIN_NOUN_SHARE = 0.5;
const MIN_NOUN_TOPICS = 2;

const root = join(import.meta.dirname, '..');
const data = join(root, '..', 'shared', 'data', 'ecbplus');

interface Mention {
  doc: string;
  key: string;
  chains: string[];
}

/** A validated sentence of one document: its words, the engine's tags, and its event mentions. */
interface Sentence {
  doc: string;
  words: string[];
  tags: string[];
  mentions: Array<{ tokens: number[]; chains: string[] }>;
}

function validatedSentences(): Set<string> {
  const out = new Set<string>();
  for (const line of readFileSync(join(data, 'ECBplus_coreference_sentences.csv'), 'utf8').split('\n').slice(1)) {
    const [topic, file, sentence] = line.trim().split(',');
    if (topic && file && sentence) out.add(`${topic}/${file}/${sentence}`);
  }
  return out;
}

/** The validated sentences of each sub-topic, tagged, with their event mentions. */
function subtopicSentences(): Array<{ topic: number; sentences: Sentence[] }> {
  const validated = validatedSentences();
  const groups = new Map<string, { topic: number; sentences: Sentence[] }>();
  const topics = readdirSync(join(data, 'xml'))
    .filter((t) => /^\d+$/.test(t))
    .map(Number)
    .sort((a, b) => a - b);
  for (const topic of topics) {
    for (const file of readdirSync(join(data, 'xml', String(topic))).sort()) {
      const m = /^\d+_(\d+(ecb|ecbplus))\.xml\.gz$/.exec(file);
      if (!m) continue;
      const xml = gunzipSync(readFileSync(join(data, 'xml', String(topic), file))).toString('utf8');
      const sub = `${topic}_${m[2]}`;
      const group = groups.get(sub) ?? { topic, sentences: [] };
      groups.set(sub, group);
      const { order, words, mentions } = readMentions(xml);
      for (const n of order) {
        if (!validated.has(`${topic}/${m[1]}/${n}`)) continue;
        const sentence = words.get(n) ?? [];
        const own = mentions.filter((e) => e.sentence === n).map((e) => ({ tokens: e.tokens, chains: e.chains }));
        group.sentences.push({ doc: file, words: sentence, tags: tagsOf(sentence), mentions: own });
      }
    }
  }
  return [...groups.values()];
}

/** Event mentions of each sub-topic with the predicate class of their first content word (the event nouns in force). */
function subtopicMentions(subs: ReadonlyArray<{ topic: number; sentences: Sentence[] }>): Array<{ topic: number; mentions: Mention[] }> {
  return subs.map(({ topic, sentences }) => ({
    topic,
    mentions: sentences.flatMap((s) =>
      s.mentions.flatMap((e) => {
        const key = e.tokens.map((t) => predicateKey(s.words, s.tags, t)).find((k) => k !== null);
        return key ? [{ doc: s.doc, key, chains: e.chains }] : [];
      }),
    ),
  }));
}

/** Nouns the lexicon lacks that ECB+ mostly annotates as events (see MIN_NOUN_EVENTS). */
function eventNouns(subs: ReadonlyArray<{ topic: number; sentences: Sentence[] }>): string[] {
  const counts = new Map<string, { events: number; total: number; topics: Set<number> }>();
  for (const { topic, sentences } of subs)
    for (const s of sentences) {
      const marked = new Set(s.mentions.flatMap((e) => e.tokens));
      for (const [i, w] of s.words.entries()) {
        const noun = nounForm(w);
        if (s.tags[i] !== 'NOUN' || noun === null || withEventNouns(new Set(), () => predicateKey(s.words, s.tags, i)) !== null) continue;
        const c = counts.get(noun) ?? { events: 0, total: 0, topics: new Set() };
        counts.set(noun, c);
        c.total++;
        if (marked.has(i)) {
          c.events++;
          c.topics.add(topic);
        }
      }
    }
  return [...counts]
    .filter(([, c]) => c.events >= MIN_NOUN_EVENTS && c.events / c.total >= MIN_NOUN_SHARE && c.topics.size >= MIN_NOUN_TOPICS)
    .map(([n]) => n)
    .sort();
}

/** A word as the singular lower-case noun the frames look up; null for short or non-alphabetic words. */
function nounForm(word: string): string | null {
  const lower = word.toLowerCase();
  if (!/^\p{L}{4,}$/u.test(lower)) return null;
  return lower.endsWith('s') && !lower.endsWith('ss') ? lower.slice(0, -1) : lower;
}

/** The engine's part-of-speech tag of each ECB+ token (the sentence tagged as its tokens joined by spaces). */
function tagsOf(tokens: readonly string[]): string[] {
  const starts = new Map<number, number>();
  let at = 0;
  for (const [i, t] of tokens.entries()) {
    starts.set(at, i);
    at += t.length + 1;
  }
  const out = tokens.map(() => '');
  for (const t of analyze(tokens.join(' ')).tokens) {
    const i = starts.get(t.start);
    if (i !== undefined) out[i] = t.pos;
  }
  return out;
}

interface Tally {
  together: number;
  apart: number;
  topics: Set<number>;
}

function tally(subs: ReadonlyArray<{ topic: number; mentions: Mention[] }>): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const { topic, mentions } of subs)
    for (let i = 0; i < mentions.length; i++)
      for (let j = i + 1; j < mentions.length; j++) {
        const a = mentions[i] as Mention;
        const b = mentions[j] as Mention;
        if (a.doc === b.doc || a.key === b.key) continue;
        const key = a.key < b.key ? `${a.key}|${b.key}` : `${b.key}|${a.key}`;
        const t = out.get(key) ?? { together: 0, apart: 0, topics: new Set() };
        out.set(key, t);
        if (a.chains.some((c) => b.chains.includes(c))) {
          t.together++;
          t.topics.add(topic);
        } else t.apart++;
      }
  return out;
}

function table(subs: ReadonlyArray<{ topic: number; mentions: Mention[] }>): RelatedRow[] {
  return [...tally(subs)]
    .filter(([, t]) => t.together >= MIN_TOGETHER && t.together / (t.together + t.apart) >= MIN_SHARE)
    .map(([k, t]) => [...(k.split('|') as [string, string]), t.together, t.apart] as RelatedRow)
    .sort((x, y) => y[2] - x[2] || (`${x[0]}|${x[1]}` < `${y[0]}|${y[1]}` ? -1 : 1));
}

const subs = subtopicSentences();
const halves = { even: subs.filter((s) => s.topic % 2 === 0), odd: subs.filter((s) => s.topic % 2 === 1), all: subs };
const nouns = { even: eventNouns(halves.even), odd: eventNouns(halves.odd), all: eventNouns(halves.all) };
// Each half's related classes are counted with that half's event nouns in force, as its frames will read them.
const classes = (half: keyof typeof halves) => withEventNouns(new Set(nouns[half]), () => subtopicMentions(halves[half]));
const tables: RelatedTables = { even: table(classes('even')), odd: table(classes('odd')), all: table(classes('all')), nouns };
writeFileSync(join(root, 'src', 'compare', 'related-predicates.json'), `${JSON.stringify(tables)}\n`);
console.log(`related pairs: even ${tables.even.length}, odd ${tables.odd.length}, all ${tables.all.length}`);
console.log(`event nouns: even ${nouns.even.length}, odd ${nouns.odd.length}, all ${nouns.all.length}`);
if (process.argv.includes('--show')) {
  console.log(nouns.all.join(' '));
  const all = tally(classes('all'));
  for (const r of tables.all) console.log(`${r.join(' ')} topics ${[...(all.get(`${r[0]}|${r[1]}`)?.topics ?? [])].join(',')}`);
}
