// Trains the part-of-speech tagger from the CoNLL-2003 training file's treebank tags (mapped to universal tags) and
// silver tags on news bodies (scripts/pos-silver.ts), and writes models/pos-en*.bin.gz. `npm run train:pos`
// (`-- --dev` prints tag accuracy on conllpp_dev.txt per epoch; `-- --gold-only` leaves the silver data out).
// Deterministic: the same data gives the same bytes. Only hashed weight rows are written, never a word of the text.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { encodeWeights } from '../src/annotate/entities/tagger/codec.js';
import { encodeKnown, knownKey, POS_LABELS, type PosModel, tagWords, UPOS } from '../src/annotate/pos/tagger.js';
import { type TaggedSentence, trainPosTagger } from '../src/annotate/pos/train.js';
import { universalTags } from '../src/annotate/pos/treebank.js';
import { KNOWN_MIN_COUNT, KNOWN_MIN_SHARE, POS_KNOWN_PATH, POS_SETTINGS, POS_WEIGHTS_PATH } from '../src/annotate/pos/weights.js';
import { silverSentences } from './pos-silver.js';

const shared = join(import.meta.dirname, '..', '..', 'shared', 'data');
const data = join(shared, 'conll2003pp');

/** Sentences of a CoNLL-2003 file (word, treebank tag, chunk, entity per line) with universal tags. */
export function readTagged(path: string): TaggedSentence[] {
  const bytes = readFileSync(path);
  const text = (path.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
  const out: TaggedSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flush = (): void => {
    if (words.length > 0) out.push({ words, tags: universalTags(words, tags).map((t) => UPOS.indexOf(t)) });
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    const cols = line.trim().split(' ');
    if (cols.length < 2 || cols[0] === '-DOCSTART-') flush();
    else {
      words.push(cols[0] as string);
      tags.push(cols[1] as string);
    }
  }
  flush();
  return out;
}

/** Short function words a title-case headline leaves in lower case. */
const HEADLINE_LOWER = new Set(['a', 'an', 'the', 'and', 'or', 'but', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'as']);
/** Every TITLE_CASE_EVERY-th training sentence is added again in title case (see `titleCased`). */
const TITLE_CASE_EVERY = 4;

/**
 * A sentence as a title-case headline writes it ("Lohan Checks Out Of Rehab"), with the same tags: the training
 * text has few such headlines, and without them the tagger reads every capitalised word of one as a proper noun.
 */
function titleCased(s: TaggedSentence): TaggedSentence {
  return {
    words: s.words.map((w, i) => (i > 0 && HEADLINE_LOWER.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1))),
    tags: s.tags,
  };
}

/** The tag dictionary: words (by hash) seen often enough with one tag nearly always. */
function knownWords(sentences: readonly TaggedSentence[]): Map<number, number> {
  const counts = new Map<number, number[]>();
  for (const s of sentences) {
    s.words.forEach((w, i) => {
      const key = knownKey(w);
      let row = counts.get(key);
      if (!row) counts.set(key, (row = new Array(POS_LABELS).fill(0)));
      row[s.tags[i] as number] = (row[s.tags[i] as number] as number) + 1;
    });
  }
  const known = new Map<number, number>();
  for (const [key, row] of counts) {
    const total = row.reduce((a, b) => a + b, 0);
    const best = row.indexOf(Math.max(...row));
    if (total >= KNOWN_MIN_COUNT && (row[best] as number) / total >= KNOWN_MIN_SHARE) known.set(key, best);
  }
  return known;
}

export function accuracy(model: PosModel, sentences: readonly TaggedSentence[]): number {
  let right = 0;
  let all = 0;
  for (const s of sentences) {
    const guess = tagWords(model, s.words);
    s.tags.forEach((t, i) => {
      all++;
      if (guess[i] === t) right++;
    });
  }
  return right / all;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const started = process.cpuUsage();
  const gold = readTagged(join(data, 'conllpp_train.txt.gz'));
  const silver = process.argv.includes('--gold-only') ? [] : silverSentences(join(shared, 'article-extraction-benchmark', 'ground-truth.json'));
  const plain = [...gold, ...silver];
  const train = [...plain, ...plain.filter((_, i) => i % TITLE_CASE_EVERY === 0).map(titleCased)];
  console.log(`${gold.length} gold sentences, ${silver.length} silver`);
  const dev = process.argv.includes('--dev') ? readTagged(join(data, 'conllpp_dev.txt')) : [];
  const known = knownWords(plain);
  const weights = trainPosTagger(train, {
    ...POS_SETTINGS,
    onEpoch: dev.length > 0 ? (epoch, w) => console.log(`epoch ${epoch}: dev tag accuracy ${accuracy({ weights: w, known }, dev).toFixed(4)}`) : undefined,
  });
  const file = encodeWeights(weights, POS_LABELS, POS_SETTINGS.pruneBelow);
  writeFileSync(POS_WEIGHTS_PATH, file);
  writeFileSync(POS_KNOWN_PATH, encodeKnown(known));
  console.log(`${known.size} words in the tag dictionary`);
  const cpu = process.cpuUsage(started);
  console.log(
    `${train.length} sentences, wrote ${POS_WEIGHTS_PATH.pathname} (${(file.length / 1e6).toFixed(2)} MB) in ${((cpu.user + cpu.system) / 1e6).toFixed(0)} CPU-s`,
  );
}
