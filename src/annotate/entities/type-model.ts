import type { EntityType } from '../../model/annotations.js';
import { gazetteerKind } from './gazetteer.js';
import { wordKey } from './roles.js';
import type { EntityToken } from './tokens.js';
import type { TypeScores } from './typing.js';

/**
 * A learned replacement for the rule typer: given a name's features and the type the rules chose, returns a type.
 * The shipped stage has none (rules only). The CoNLL evaluation trains one on the dev file to measure what
 * learning would add; weights derived from that Reuters text are never written to the repository.
 */
export interface TypeModel {
  predict(name: { start: number; end: number; text: string }, features: readonly string[], ruleType: EntityType): EntityType;
}

const SHAPE_UPPER = /\p{Lu}/gu;
const SHAPE_LOWER = /\p{Ll}/gu;
const SHAPE_DIGIT = /\d/g;

/** Word shape ("Xx", "XX", "X.", "Xx-Xx") with runs collapsed, a classic feature for unseen names. */
function shape(word: string): string {
  return word
    .replace(SHAPE_UPPER, 'X')
    .replace(SHAPE_LOWER, 'x')
    .replace(SHAPE_DIGIT, 'd')
    .replace(/(.)\1+/g, '$1');
}

/** Rule scores as coarse buckets, so a learner can weigh each cue family. */
function scoreFeatures(prefix: string, s: TypeScores): string[] {
  return (Object.keys(s) as EntityType[]).filter((k) => s[k] > 0).map((k) => `${prefix}:${k}:${Math.min(3, Math.round(s[k]))}`);
}

/**
 * Features of one name for a type model: its words, shapes, neighbours, gazetteer kinds, and the rule scores of
 * this mention (`own`) and of all mentions of the same name in the article (`shared`).
 */
export function nameFeatures(
  tokens: readonly EntityToken[],
  first: number,
  last: number,
  text: string,
  own: TypeScores,
  shared: TypeScores,
  ruleType: EntityType,
): string[] {
  const out = ['bias', `rule:${ruleType}`, `len:${Math.min(4, last - first)}`, `kind:${gazetteerKind(text) ?? 'none'}`];
  for (let k = first; k < last; k++) {
    const t = tokens[k];
    if (!t) continue;
    out.push(`w:${wordKey(t)}`, `shape:${shape(t.text)}`, `wkind:${gazetteerKind(t.text) ?? 'none'}`);
  }
  out.push(`first:${wordKey(tokens[first])}`, `last:${wordKey(tokens[last - 1])}`);
  out.push(`prev:${wordKey(tokens[first - 1])}`, `prev2:${wordKey(tokens[first - 2])}`, `next:${wordKey(tokens[last])}`, `next2:${wordKey(tokens[last + 1])}`);
  const head = tokens[first];
  if (head?.sentenceInitial) out.push('initial');
  if (head?.caseless) out.push('caseless');
  return [...out, ...scoreFeatures('own', own), ...scoreFeatures('shared', shared)];
}
