import type { UsedRows } from './codec.js';
import {
  caselessFeature,
  contextFeatures,
  DOCUMENT_FEATURES,
  type DocumentEvidence,
  documentEvidence,
  documentFeature,
  documentInfos,
  documentValue,
  EDGE_SHAPE_ID,
  historyFeature,
  initialFeature,
  labelFeatures,
  labelWordFeatures,
  lowerPairFeatures,
  MAX_CONTEXT_FEATURES,
  MAX_LABEL_FEATURES,
  MAX_LOWER_PAIR_FEATURES,
  MAX_SHAPE_IDS,
  NEIGHBOUR_PLACES,
  Neighbour,
  neighbourFeatures,
  newStamp,
  type SentenceView,
  sentenceView,
  shapePairFeatures,
  type WordInfo,
} from './features.js';

/** The four CoNLL classes the tagger predicts. */
export const TAG_TYPES = ['PER', 'ORG', 'LOC', 'MISC'] as const;
export type TagType = (typeof TAG_TYPES)[number];

/** BILOU positions: Begin, Inside, Last, Unit. Label 0 is outside; label 1 + 4·type + position otherwise. */
const B = 0;
const I = 1;
const L = 2;
const U = 3;
export const LABEL_COUNT = 1 + TAG_TYPES.length * 4;
/** The label before a sentence's first word, in history features. */
export const START = LABEL_COUNT;

export function labelOf(type: number, position: number): number {
  return 1 + type * 4 + position;
}
function typeOf(label: number): number {
  return (label - 1) >> 2;
}
function positionOf(label: number): number {
  return (label - 1) & 3;
}

/** A found name: token range in its sentence and its class. */
export interface TaggedSpan {
  sentence: number;
  first: number;
  last: number;
  type: TagType;
}

/** A hashed weight table: `rows` × LABEL_COUNT weights, row = feature hash & (rows − 1). */
export interface Weights {
  rows: number;
  values: Float32Array;
}

/**
 * Whether `label` may follow `prev` in BILOU: inside a name only its own I or L; outside, only O, B or U.
 */
function allowed(prev: number, label: number, last: boolean): boolean {
  const open = prev > 0 && prev < START && (positionOf(prev) === B || positionOf(prev) === I);
  if (open) {
    const p = positionOf(label);
    return label > 0 && typeOf(label) === typeOf(prev) && (p === L || (p === I && !last));
  }
  if (label === 0) return true;
  const p = positionOf(label);
  return p === U || (p === B && !last);
}

/** Adds the rows of the first `count` features into `scores` (not cleared first). The hot loop of tagging. */
export function addScores(weights: Weights, features: ArrayLike<number>, count: number, scores: Float64Array): void {
  const mask = weights.rows - 1;
  const values = weights.values;
  for (let k = 0; k < count; k++) {
    const base = ((features[k] as number) & mask) * LABEL_COUNT;
    for (let y = 0; y < LABEL_COUNT; y++) scores[y] = (scores[y] as number) + (values[base + y] as number);
  }
}

/**
 * A weight table packed for tagging: only the rows holding a non-zero weight (≈12% of the shipped English table),
 * found through a bitmap of used rows and a count of used rows before each 32-row word of it (rank: the row's
 * place among the used ones). The full table is 35 MB of float32 read at random, a cache miss or two per feature;
 * packed it is ≈4 MB of rows behind 128 KB of bitmap and counts that stay in cache, and a feature whose row was
 * pruned (most word pairs) costs one bitmap read instead of 17 additions of zero. The sums are the same: the
 * non-zero weights are added in the same order, and adding zero changes no float64. Each bitmap word sits beside its
 * count (`index[2k]`, `index[2k + 1]`), so a feature reads one cache line of them, not two.
 */
export interface PackedWeights {
  kind: 'packed';
  mask: number;
  /** Bitmap word k of used rows at 2k, the count of used rows before it at 2k + 1. */
  index: Uint32Array;
  values: Float32Array;
}
const PACKED = new WeakMap<Weights, PackedWeights>();

/** Set bits of a 32-bit word. */
function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) as number;
}

/** A table of used rows (decoded so from a weight file) packed: the counts of used rows before each bitmap word. */
export function packUsedRows(table: UsedRows): PackedWeights {
  const { used } = table;
  const index = new Uint32Array(used.length * 2);
  let before = 0;
  for (let k = 0; k < used.length; k++) {
    index[2 * k] = used[k] as number;
    index[2 * k + 1] = before;
    before += popcount(used[k] as number);
  }
  return { kind: 'packed', mask: table.rows - 1, index, values: table.values };
}

/**
 * The packed form of a weight table, built once per table (a table is never changed once it tags). The shipped
 * tables are decoded straight into this form (`packUsedRows`); a training run's full tables are packed here.
 */
export function packedWeights(weights: Weights | PackedWeights): PackedWeights {
  if ('kind' in weights) return weights;
  const hit = PACKED.get(weights);
  if (hit) return hit;
  const all = weights.values;
  const used = new Uint32Array(Math.ceil(weights.rows / 32));
  let count = 0;
  for (let r = 0; r < weights.rows; r++) {
    let y = 0;
    while (y < LABEL_COUNT && all[r * LABEL_COUNT + y] === 0) y++;
    if (y === LABEL_COUNT) continue;
    used[r >>> 5] = ((used[r >>> 5] as number) | (1 << (r & 31))) >>> 0;
    count++;
  }
  const values = new Float32Array(count * LABEL_COUNT);
  let at = 0;
  for (let r = 0; r < weights.rows; r++) {
    if (((used[r >>> 5] as number) & (1 << (r & 31))) === 0) continue;
    values.set(all.subarray(r * LABEL_COUNT, (r + 1) * LABEL_COUNT), at);
    at += LABEL_COUNT;
  }
  const packed = packUsedRows({ rows: weights.rows, used, values });
  PACKED.set(weights, packed);
  return packed;
}

/** `addScores` on a packed table, into `scores` from index `at`: the hot loop of tagging. */
export function addPackedScores(table: PackedWeights, features: ArrayLike<number>, count: number, scores: Float64Array, at = 0): void {
  const values = table.values;
  for (let k = 0; k < count; k++) {
    const base = packedRowAt(table, features[k] as number);
    if (base < 0) continue;
    for (let y = 0; y < LABEL_COUNT; y++) scores[at + y] = (scores[at + y] as number) + (values[base + y] as number);
  }
}

/** Where a feature's row starts in a packed table's values, or −1 when its row was pruned. */
function packedRowAt(table: PackedWeights, feature: number): number {
  const row = feature & table.mask;
  const word = (row >>> 5) * 2;
  const bits = table.index[word] as number;
  const bit = 1 << (row & 31);
  if ((bits & bit) === 0) return -1;
  return ((table.index[word + 1] as number) + popcount(bits & (bit - 1))) * LABEL_COUNT;
}

/** Rows of one buffer of features into slot `slot` of `into` (cleared first; no view made: nine per new word). */
function sumRows(table: PackedWeights, features: ArrayLike<number>, count: number, into: Float64Array, slot: number): void {
  const at = slot * LABEL_COUNT;
  for (let y = 0; y < LABEL_COUNT; y++) into[at + y] = 0;
  addPackedScores(table, features, count, into, at);
}

/**
 * Slots of a word's cached rows: its own features, its features as each neighbour, after an outside word, after a
 * sentence's start, as a sentence's first word, inside a caseless sentence. The own slot also holds what every
 * context sum of the word adds (`tagSentence`): the label features after two outside words (the label pair's and
 * the word's after an outside word), which decoding takes back for the words after a name or a sentence's start.
 */
const OWN_SLOT = 0;
const NEIGHBOUR_SLOT = 1;
const AFTER_OUTSIDE_SLOT = NEIGHBOUR_SLOT + NEIGHBOUR_PLACES;
const AFTER_START_SLOT = AFTER_OUTSIDE_SLOT + 1;
const INITIAL_SLOT = AFTER_START_SLOT + 1;
const CASELESS_SLOT = INITIAL_SLOT + 1;
const WORD_SLOTS = CASELESS_SLOT + 1;

/**
 * A word's summed rows (see the slots), cached on its info for the last weight table that scored it: every feature
 * that reads this one word alone costs one cached row instead of a random read of the weight rows per occurrence.
 * Sums in any grouping are exact: every weight is a float32 of an int16 multiple of one step, so all of them are
 * multiples of one power of two spanning under 40 bits (the shipped tables: 2^−28, 34 bits; model.test.ts checks),
 * and float64 sums and differences of a few hundred of them never round. That is why cached partial sums, and a
 * cached row taken back out of a sum, give the very scores (and labels) of a feature-by-feature sum.
 */
function wordRows(table: PackedWeights, fixed: FixedRows, w: WordInfo, buffer: Uint32Array): Float64Array {
  if (w.scoredBy === table && w.rows) return w.rows;
  // The other table's rows move aside rather than being overwritten (see `WordInfo.otherRows`).
  const cached = w.otherScoredBy === table ? w.otherRows : null;
  const rows = cached ?? w.otherRows ?? new Float64Array(WORD_SLOTS * LABEL_COUNT);
  if (!cached) {
    sumRows(table, w.own, w.own.length, rows, OWN_SLOT);
    for (let place = 0; place < NEIGHBOUR_PLACES; place++) sumRows(table, buffer, neighbourFeatures(w, place, buffer, 0), rows, NEIGHBOUR_SLOT + place);
    sumRows(table, buffer, labelWordFeatures(w, 0, buffer, 0), rows, AFTER_OUTSIDE_SLOT);
    addRow(rows, rows, AFTER_OUTSIDE_SLOT, OWN_SLOT * LABEL_COUNT);
    addRow(rows, fixed.outsidePair, 0, OWN_SLOT * LABEL_COUNT);
    sumRows(table, buffer, labelWordFeatures(w, START, buffer, 0), rows, AFTER_START_SLOT);
    buffer[0] = initialFeature(w);
    sumRows(table, buffer, 1, rows, INITIAL_SLOT);
    buffer[0] = caselessFeature(w);
    sumRows(table, buffer, 1, rows, CASELESS_SLOT);
  }
  w.otherRows = w.rows;
  w.otherScoredBy = w.scoredBy;
  w.rows = rows;
  w.scoredBy = table;
  return rows;
}

/** Label pairs (previous, one before) in the table of their summed rows; labels run 0..START. */
const LABEL_STATES = START + 1;

/**
 * Summed rows that depend on the weights alone: label pairs, the neighbour features of a sentence's edge, the
 * document-evidence values and the label history's classes (each a handful of values, so no hashing per word), and
 * the rows of each pair of neighbouring shapes met so far (`shapePairRows`). The label pairs are kept as the pair
 * (outside, outside), which a word's context sum holds already (`tagSentence`), and each pair's difference from it.
 */
interface FixedRows {
  outsidePair: Float64Array;
  pairDeltas: Float64Array;
  edges: Float64Array;
  documents: Float64Array;
  history: Float64Array;
  shapePairs: Array<Float64Array | undefined>;
}
const FIXED_ROWS = new WeakMap<PackedWeights, FixedRows>();

function fixedRows(table: PackedWeights): FixedRows {
  const hit = FIXED_ROWS.get(table);
  if (hit) return hit;
  const pairs = new Float64Array(LABEL_STATES * LABEL_STATES * LABEL_COUNT);
  const features = new Uint32Array(MAX_WORD_FEATURES);
  for (let prev = 0; prev < LABEL_STATES; prev++) {
    for (let prev2 = 0; prev2 < LABEL_STATES; prev2++) sumRows(table, features, labelFeatures(prev, prev2, features, 0), pairs, prev * LABEL_STATES + prev2);
  }
  // Laid out as a word's rows (its neighbour slots), so a missing neighbour reads the same slot of these.
  const edges = new Float64Array(WORD_SLOTS * LABEL_COUNT);
  for (let place = 0; place < NEIGHBOUR_PLACES; place++)
    sumRows(table, features, neighbourFeatures(undefined, place, features, 0), edges, NEIGHBOUR_SLOT + place);
  const documents = new Float64Array(DOCUMENT_FEATURES * LABEL_COUNT);
  for (let value = 0; value < DOCUMENT_FEATURES; value++) {
    features[0] = documentFeature(value);
    sumRows(table, features, 1, documents, value);
  }
  const history = new Float64Array(TAG_TYPES.length * LABEL_COUNT);
  for (let type = 0; type < TAG_TYPES.length; type++) sumRows(table, features, historyFeature(type, features, 0), history, type);
  const shapePairs = new Array<Float64Array | undefined>(MAX_SHAPE_IDS * MAX_SHAPE_IDS).fill(undefined);
  const outsidePair = pairs.slice(0, LABEL_COUNT);
  const pairDeltas = pairs.map((v, k) => v - (outsidePair[k % LABEL_COUNT] as number));
  const rows = { outsidePair, pairDeltas, edges, documents, history, shapePairs };
  FIXED_ROWS.set(table, rows);
  return rows;
}

/** Where the right word's row starts in the rows of a shape pair (the left word's row starts at 0). */
const RIGHT_OF_PAIR = LABEL_COUNT;

/**
 * The rows of two neighbouring words' shapes (none: a sentence edge): the left word's row, then the right word's
 * (`shapePairFeatures`). Nearly every token has a shape pair on each side, and a few dozen shapes make a few hundred
 * pairs: kept per table by the pair of shape numbers, they are two cached rows instead of two hashed rows read at
 * random from the weights. A shape without a number (−1) gets its rows summed afresh.
 */
function shapePairRows(table: PackedWeights, fixed: FixedRows, left: WordInfo | undefined, right: WordInfo | undefined, buffer: Uint32Array): Float64Array {
  const leftId = left ? left.shapeId : EDGE_SHAPE_ID;
  const rightId = right ? right.shapeId : EDGE_SHAPE_ID;
  const numbered = leftId >= 0 && rightId >= 0;
  const key = leftId * MAX_SHAPE_IDS + rightId;
  const hit = numbered ? fixed.shapePairs[key] : undefined;
  if (hit) return hit;
  const rows = new Float64Array(2 * LABEL_COUNT);
  shapePairFeatures(left, right, buffer, 0);
  addPackedScores(table, buffer, 1, rows);
  addPackedScores(table, buffer.subarray(1), 1, rows, RIGHT_OF_PAIR);
  if (numbered) fixed.shapePairs[key] = rows;
  return rows;
}

/** Adds `rows[slot]` into `scores`, from index `at` of `scores`. */
function addRow(scores: Float64Array, rows: Float64Array, slot: number, at = 0): void {
  const base = slot * LABEL_COUNT;
  for (let y = 0; y < LABEL_COUNT; y++) scores[at + y] = (scores[at + y] as number) + (rows[base + y] as number);
}

/** Takes `rows[slot]` from `scores` (exact, as every sum here: see `wordRows`). */
function subtractRow(scores: Float64Array, rows: Float64Array, slot: number): void {
  const base = slot * LABEL_COUNT;
  for (let y = 0; y < LABEL_COUNT; y++) scores[y] = (scores[y] as number) - (rows[base + y] as number);
}

/** Start of each neighbour place's slot in a word's rows (and in the sentence edge's). */
const PREV_AT = (NEIGHBOUR_SLOT + Neighbour.Prev) * LABEL_COUNT;
const NEXT_AT = (NEIGHBOUR_SLOT + Neighbour.Next) * LABEL_COUNT;
const PREV2_AT = (NEIGHBOUR_SLOT + Neighbour.Prev2) * LABEL_COUNT;
const NEXT2_AT = (NEIGHBOUR_SLOT + Neighbour.Next2) * LABEL_COUNT;

/**
 * Label history of a document: for each capitalised word (its folded form), how often each class was chosen so far.
 * The class chosen most often is a feature of the word's later occurrences (Ratinov and Roth's "extended prediction
 * history"): the document's earlier, clearer mentions type the ambiguous ones. The counts live on the folded words,
 * stamped with this history's number (counts under another stamp are another document's: none here).
 */
export class LabelHistory {
  private readonly stamp = newStamp();

  majority(w: WordInfo): number {
    const folded = w.folded;
    const c = folded.history === this.stamp ? folded.classes : null;
    if (!c) return -1;
    let best = -1;
    let top = 0;
    for (let t = 0; t < c.length; t++) {
      if ((c[t] as number) > top) {
        top = c[t] as number;
        best = t;
      }
    }
    return best;
  }

  record(w: WordInfo, label: number): void {
    if (label === 0 || !w.capitalized) return;
    const folded = w.folded;
    let c = folded.classes;
    if (folded.history !== this.stamp || !c) {
      folded.history = this.stamp;
      // Cleared element by element: `fill` is a call into the runtime, dear for four counts (≈2% of the tagger).
      if (c) for (let t = 0; t < c.length; t++) c[t] = 0;
      else {
        c = new Int32Array(TAG_TYPES.length);
        folded.classes = c;
      }
    }
    c[typeOf(label)] = (c[typeOf(label)] as number) + 1;
  }
}

/** Most features of one word: its context features and its label features (own features are summed apart). */
export const MAX_WORD_FEATURES = MAX_CONTEXT_FEATURES + MAX_LABEL_FEATURES;

/**
 * Writes every feature of word `i` but its own ones into `out` (context, then labels; from index 0) given the labels
 * chosen before it, and returns how many. Training reads them all; tagging sums the label-pair ones from a table.
 */
export function wordFeatures(
  view: ReturnType<typeof sentenceView>,
  doc: ReturnType<typeof documentEvidence>,
  i: number,
  labels: ArrayLike<number>,
  history: LabelHistory,
  out: Uint32Array,
): number {
  const w = view.infos[i] as WordInfo;
  const prev = i > 0 ? (labels[i - 1] as number) : START;
  const prev2 = i > 1 ? (labels[i - 2] as number) : START;
  let n = contextFeatures(view, i, doc, out);
  n += labelFeatures(prev, prev2, out, n);
  n += labelWordFeatures(w, prev, out, n);
  return n + historyFeature(history.majority(w), out, n);
}

/**
 * The previous label as the next word sees it. A name left open (B or I) before a lower-case word or a sign the
 * scores want outside any name is closed at the previous word (B → U, I → L) instead of being dragged over the
 * next words ("Tao arrived ."): greedy decoding cannot look ahead, so it repairs one word back. A wider repair
 * (any continuation the scores do not want best) cost dev F1 (English 0.904 → 0.900, Spanish 0.766 → 0.747); this one
 * gains (0.904 → 0.905, 0.766 → 0.770).
 */
function closeIfUnwanted(scores: Float64Array, from: number, labels: Int32Array, at: number, w: WordInfo): number {
  const prev = at >= 0 ? (labels[at] as number) : START;
  if (prev === 0 || prev === START || positionOf(prev) === L || positionOf(prev) === U) return prev;
  let best = 0;
  for (let y = 1; y < LABEL_COUNT; y++) if ((scores[from + y] as number) > (scores[from + best] as number)) best = y;
  if (best !== 0 || w.capitalized) return prev;
  const closed = labelOf(typeOf(prev), positionOf(prev) === B ? U : L);
  labels[at] = closed;
  return closed;
}

/**
 * The labels that may follow `prev` as a word that is or is not the sentence's last, in label order, precomputed:
 * list (prev · 2 + last) starts at `ALLOWED_AT[list]` and ends where the next starts. At most 9 of the 17 labels.
 */
const ALLOWED_AT = new Int32Array(LABEL_STATES * 2 + 1);
const ALLOWED_LABELS = new Uint8Array(LABEL_STATES * 2 * LABEL_COUNT);
{
  let n = 0;
  for (let list = 0; list < LABEL_STATES * 2; list++) {
    ALLOWED_AT[list] = n;
    for (let y = 0; y < LABEL_COUNT; y++) if (allowed(list >> 1, y, (list & 1) === 1)) ALLOWED_LABELS[n++] = y;
  }
  ALLOWED_AT[LABEL_STATES * 2] = n;
}

/** The best allowed label for a word given the previous label (its scores in `scores` from `at`; ties: the lower label). */
function bestLabel(scores: Float64Array, at: number, prev: number, last: boolean): number {
  const list = prev * 2 + (last ? 1 : 0);
  const end = ALLOWED_AT[list + 1] as number;
  let best = 0;
  let top = Number.NEGATIVE_INFINITY;
  for (let k = ALLOWED_AT[list] as number; k < end; k++) {
    const y = ALLOWED_LABELS[k] as number;
    const s = scores[at + y] as number;
    if (s > top) {
      top = s;
      best = y;
    }
  }
  return best;
}

/**
 * Tags one document (its sentences as word lists) left to right with BILOU constraints, each word's label chosen
 * greedily from its features and the labels before it. Returns the names found. Per word it allocates nothing: the
 * features go into one reused buffer, the word's own rows and the label-pair rows come summed from caches.
 */
export function tagDocument(weights: Weights | PackedWeights, sentences: ReadonlyArray<readonly string[]>): TaggedSpan[] {
  return tagWords(weights, sentences, documentInfos(sentences));
}

/** `tagDocument` given the words' infos, read after `startDocument` (the entities stage keeps them on its words). */
export function tagWords(
  weights: Weights | PackedWeights,
  sentences: ReadonlyArray<readonly string[]>,
  infos: ReadonlyArray<readonly WordInfo[]>,
): TaggedSpan[] {
  const table = packedWeights(weights);
  const state: TaggingState = {
    table,
    fixed: fixedRows(table),
    doc: documentEvidence(infos),
    history: new LabelHistory(),
    scores: new Float64Array(LABEL_COUNT),
    features: new Uint32Array(MAX_WORD_FEATURES),
    labels: new Int32Array(64),
    context: new Float64Array(64 * LABEL_COUNT),
    hashed: new Uint32Array(64 * MAX_LOWER_PAIR_FEATURES),
    hashedAt: new Int32Array(64 * MAX_LOWER_PAIR_FEATURES),
    hashedEnd: new Int32Array(64),
    seqRows: [],
    pairRows: [],
  };
  const out: TaggedSpan[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const words = sentences[s] as readonly string[];
    tagSentence(state, sentenceView(words, infos[s] as readonly WordInfo[]), words.length);
    spansOf(state.labels, words.length, s, out);
  }
  return out;
}

/** What tagging one document keeps from sentence to sentence: the tables, the evidence and reused buffers. */
interface TaggingState {
  table: PackedWeights;
  fixed: FixedRows;
  doc: DocumentEvidence;
  history: LabelHistory;
  scores: Float64Array;
  features: Uint32Array;
  labels: Int32Array;
  /** Per word of the sentence, the summed rows of every feature that does not read the labels (see `sumContext`). */
  context: Float64Array;
  /**
   * The sentence's hashed features (`lowerPairFeatures`: word `i`'s end at `hashedEnd[i]`) and where each one's row
   * starts in the weights (−1: pruned).
   */
  hashed: Uint32Array;
  hashedAt: Int32Array;
  hashedEnd: Int32Array;
  /** Each word's cached rows, looked up once per word of the sentence (its neighbours read them from here). */
  seqRows: Float64Array[];
  /** The shape-pair rows of each gap of the sentence: gap k lies before word k, gap `length` after the last. */
  pairRows: Float64Array[];
}

/**
 * Labels one sentence into `state.labels`. First the features that do not read the labels (the word's own rows,
 * its neighbours', the sentence start and caseless rows, the document evidence, the hashed word pairs) are summed
 * per word in one pass, for the labels a word may take outside a name (`AFTER_CLOSED`); then decoding adds only the
 * label features word by word, summing the other labels of a word only when it follows a B- or I- word.
 */
function tagSentence(state: TaggingState, view: SentenceView, length: number): void {
  const { table, fixed, features, seqRows, pairRows } = state;
  const seq = view.infos;
  if (state.labels.length < length) {
    state.labels = new Int32Array(length * 2);
    state.context = new Float64Array(length * 2 * LABEL_COUNT);
    state.hashed = new Uint32Array(length * 2 * MAX_LOWER_PAIR_FEATURES);
    state.hashedAt = new Int32Array(length * 2 * MAX_LOWER_PAIR_FEATURES);
    state.hashedEnd = new Int32Array(length * 2);
  }
  const labels = state.labels;
  const context = state.context;
  for (let i = 0; i < length; i++) seqRows[i] = wordRows(table, fixed, seq[i] as WordInfo, features);
  for (let k = 0; k <= length; k++) pairRows[k] = shapePairRows(table, fixed, k > 0 ? seq[k - 1] : undefined, k < length ? seq[k] : undefined, features);
  // The hashed features' rows are found for the whole sentence in one tight loop before any summing: their table
  // reads miss the cache, and with nothing between them the processor waits for several at once.
  const { hashed, hashedAt, hashedEnd } = state;
  let count = 0;
  for (let i = 0; i < length; i++) {
    count += lowerPairFeatures(view, i, hashed, count);
    hashedEnd[i] = count;
  }
  for (let k = 0; k < count; k++) hashedAt[k] = packedRowAt(table, hashed[k] as number);
  for (let i = 0; i < length; i++) sumContext(state, view, i, length, AFTER_CLOSED);
  const { scores, history } = state;
  const pairDeltas = fixed.pairDeltas;
  for (let i = 0; i < length; i++) {
    const w = seq[i] as WordInfo;
    const prev = i > 0 ? (labels[i - 1] as number) : START;
    const prev2 = i > 1 ? (labels[i - 2] as number) : START;
    const majority = history.majority(w);
    // Inside a name every label may be asked about (`closeIfUnwanted`): the labels that continue one are summed now.
    if (isOpen(prev)) sumContext(state, view, i, length, AFTER_OPEN);
    // Two outside words before and no label history: the context sum (its own slot holds their label features) is
    // the word's whole score, as for most words.
    let from = i * LABEL_COUNT;
    let sums = context;
    if (prev !== 0 || prev2 !== 0 || majority >= 0) {
      const deltaAt = (prev * LABEL_STATES + prev2) * LABEL_COUNT;
      for (let y = 0; y < LABEL_COUNT; y++) scores[y] = (context[from + y] as number) + (pairDeltas[deltaAt + y] as number);
      if (majority >= 0) addRow(scores, fixed.history, majority);
      if (prev !== 0) {
        const rows = seqRows[i] as Float64Array;
        subtractRow(scores, rows, AFTER_OUTSIDE_SLOT);
        if (prev === START) addRow(scores, rows, AFTER_START_SLOT);
        else addPackedScores(table, features, labelWordFeatures(w, prev, features, 0), scores);
      }
      from = 0;
      sums = scores;
    }
    const label = bestLabel(sums, from, closeIfUnwanted(sums, from, labels, i - 1, w), i === length - 1);
    labels[i] = label;
    history.record(w, label);
  }
}

/**
 * The labels a word may take after an outside word, a sentence start or a name's last word (O, B-, U-), and those it
 * may take only inside a name (I-, L-). Decoding reads the second only after a B- or I- word, a few words in a
 * hundred, so the context sums of those labels are made only then: half the summing of most words.
 */
const AFTER_CLOSED = Uint8Array.from({ length: LABEL_COUNT }, (_, y) => y).filter((y) => y === 0 || positionOf(y) === B || positionOf(y) === U);
const AFTER_OPEN = Uint8Array.from({ length: LABEL_COUNT }, (_, y) => y).filter((y) => y !== 0 && (positionOf(y) === I || positionOf(y) === L));

/** A B- or I- label: the name goes on (or is closed by `closeIfUnwanted`). */
function isOpen(label: number): boolean {
  return label > 0 && label < START && (positionOf(label) === B || positionOf(label) === I);
}

/**
 * Sums into `state.context` the scores of word `i` for the labels in `wanted` from every feature that does not read
 * the labels: its own row, its four neighbours' rows and its two shape pairs' (one write per label), the rows of the
 * features of a few values (see the slots and `FixedRows`) and the hashed word pairs' rows found for the sentence.
 */
function sumContext(state: TaggingState, view: SentenceView, i: number, length: number, wanted: Uint8Array): void {
  const { context, seqRows, pairRows, fixed } = state;
  const edges = fixed.edges;
  const rows = seqRows[i] as Float64Array;
  // Bounds checked before indexing: a read past an array's ends (seq[-1]) takes V8's slow property path.
  const prevRows = i > 0 ? (seqRows[i - 1] as Float64Array) : edges;
  const nextRows = i + 1 < length ? (seqRows[i + 1] as Float64Array) : edges;
  const prev2Rows = i > 1 ? (seqRows[i - 2] as Float64Array) : edges;
  const next2Rows = i + 2 < length ? (seqRows[i + 2] as Float64Array) : edges;
  const before = pairRows[i] as Float64Array;
  const after = pairRows[i + 1] as Float64Array;
  const at = i * LABEL_COUNT;
  for (let j = 0; j < wanted.length; j++) {
    const y = wanted[j] as number;
    context[at + y] =
      (rows[y] as number) +
      (prevRows[PREV_AT + y] as number) +
      (nextRows[NEXT_AT + y] as number) +
      (prev2Rows[PREV2_AT + y] as number) +
      (next2Rows[NEXT2_AT + y] as number) +
      (before[RIGHT_OF_PAIR + y] as number) +
      (after[y] as number);
  }
  if (i === 0) addWantedAt(context, at, rows, INITIAL_SLOT * LABEL_COUNT, wanted);
  if (view.caseless) addWantedAt(context, at, rows, CASELESS_SLOT * LABEL_COUNT, wanted);
  const evidence = documentValue(view, i, state.doc);
  if (evidence >= 0) addWantedAt(context, at, fixed.documents, evidence * LABEL_COUNT, wanted);
  const { hashedAt, hashedEnd } = state;
  const values = state.table.values;
  for (let k = i > 0 ? (hashedEnd[i - 1] as number) : 0; k < (hashedEnd[i] as number); k++) {
    const base = hashedAt[k] as number;
    if (base >= 0) addWantedAt(context, at, values, base, wanted);
  }
}

/** Adds `rows` from `base` into `into` from `at`, for the labels in `wanted`. */
function addWantedAt(into: Float64Array, at: number, rows: Float64Array | Float32Array, base: number, wanted: Uint8Array): void {
  for (let j = 0; j < wanted.length; j++) {
    const y = wanted[j] as number;
    into[at + y] = (into[at + y] as number) + (rows[base + y] as number);
  }
}

/** Names from a BILOU label sequence (a B or I left open is closed at the last word it reaches). */
export function spansOf(labels: ArrayLike<number>, length: number, sentence: number, out: TaggedSpan[] = []): TaggedSpan[] {
  let open = -1;
  for (let i = 0; i < length; i++) {
    const label = labels[i] as number;
    if (label === 0) {
      open = -1;
      continue;
    }
    const p = positionOf(label);
    if (p === B || p === U || open < 0) open = i;
    if (p === L || p === U) {
      out.push({ sentence, first: open, last: i + 1, type: TAG_TYPES[typeOf(label)] ?? 'MISC' });
      open = -1;
    }
  }
  return out;
}

/** BILOU labels for gold names of a sentence of `length` words. */
export function labelsFor(length: number, spans: ReadonlyArray<{ first: number; last: number; type: TagType }>): number[] {
  const labels = new Array<number>(length).fill(0);
  for (const s of spans) {
    const t = TAG_TYPES.indexOf(s.type);
    if (s.last - s.first === 1) labels[s.first] = labelOf(t, U);
    else {
      labels[s.first] = labelOf(t, B);
      for (let i = s.first + 1; i < s.last - 1; i++) labels[i] = labelOf(t, I);
      labels[s.last - 1] = labelOf(t, L);
    }
  }
  return labels;
}
