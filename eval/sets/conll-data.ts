import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type TagType, tagDocument, type Weights } from '../../src/annotate/entities/tagger/model.js';
import type { GoldSentence } from '../../src/annotate/entities/tagger/train.js';

/**
 * Reads a CoNLL NER file (CoNLL-2003 English with `-DOCSTART-` lines, UTF-8; or CoNLL-2002 Spanish, Latin-1 and
 * gzip-compressed, without document marks) into documents of sentences with gold names. The Spanish files have no
 * document boundaries, so a sentence holding the agency's dateline mark "( EFE )" starts a new document: the
 * document-level features then see one news item at a time, as they will in use.
 */
export function readConllDocuments(path: string): GoldSentence[][] {
  const bytes = readFileSync(path);
  const gz = path.endsWith('.gz');
  const text = gz ? gunzipSync(bytes).toString('latin1') : bytes.toString('utf8');
  const docs: GoldSentence[][] = [];
  let doc: GoldSentence[] = [];
  let words: string[] = [];
  let tags: string[] = [];
  const flushSentence = (): void => {
    if (words.length === 0) return;
    if (!gz || !isDateline(words) || doc.length === 0) doc.push({ words, names: namesOf(tags) });
    else {
      docs.push(doc);
      doc = [{ words, names: namesOf(tags) }];
    }
    words = [];
    tags = [];
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('-DOCSTART-')) {
      flushSentence();
      if (doc.length > 0) docs.push(doc);
      doc = [];
    } else if (line.trim() === '') flushSentence();
    else {
      const cols = line.split(' ');
      words.push(cols[0] ?? '');
      tags.push(cols[cols.length - 1] ?? 'O');
    }
  }
  flushSentence();
  if (doc.length > 0) docs.push(doc);
  return docs;
}

function isDateline(words: readonly string[]): boolean {
  return words.some((w, i) => w === 'EFE' && words[i - 1] === '(' && words[i + 1] === ')');
}

const TYPES: ReadonlySet<string> = new Set(['PER', 'ORG', 'LOC', 'MISC']);

/** Names of a sentence from IOB1 or IOB2 tags (an I- of a new class, or a B-, opens a name). */
function namesOf(tags: readonly string[]): GoldSentence['names'] {
  const out: GoldSentence['names'] = [];
  let open: GoldSentence['names'][number] | null = null;
  tags.forEach((tag, i) => {
    const [bio, type] = tag.split('-');
    const continues = open !== null && bio === 'I' && type === open.type;
    if (open && !continues) {
      out.push(open);
      open = null;
    }
    if (type && TYPES.has(type) && !continues) open = { first: i, last: i + 1, type: type as TagType };
    else if (open && continues) open.last = i + 1;
  });
  if (open) out.push(open);
  return out;
}

/** conlleval exact-span typed F1 of the tagger on gold documents. */
export function taggerF1(weights: Weights, docs: ReadonlyArray<readonly GoldSentence[]>): number {
  let tp = 0;
  let predicted = 0;
  let gold = 0;
  for (const doc of docs) {
    const found = tagDocument(
      weights,
      doc.map((s) => s.words),
    );
    const keys = new Set(doc.flatMap((s, i) => s.names.map((n) => `${i}:${n.first}:${n.last}:${n.type}`)));
    gold += keys.size;
    predicted += found.length;
    for (const f of found) if (keys.has(`${f.sentence}:${f.first}:${f.last}:${f.type}`)) tp++;
  }
  return (2 * tp) / Math.max(1, predicted + gold);
}
