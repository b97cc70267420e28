import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../../src/model/span.js';

/** One PolNeAR article with its gold attributions (brat standoff, character offsets into the text). */
export interface GoldArticle {
  name: string;
  text: string;
  attributions: GoldAttribution[];
}

/** A gold attribution: content fragments (brat allows discontinuous spans), source fragments (may be none), cue. */
export interface GoldAttribution {
  content: Span[];
  source: Span[];
  cue: Span[];
}

function fragments(offsets: string): Span[] {
  return offsets.split(';').flatMap((part) => {
    const [a, b] = part.trim().split(' ').map(Number);
    return a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > a ? [{ start: a, end: b }] : [];
  });
}

/** Parses one .ann file: `T` lines are spans, `E` lines tie a Content, Cue and (optional) Source together. */
export function parseAnn(ann: string): GoldAttribution[] {
  const spans = new Map<string, Span[]>();
  const events: Array<Record<string, string>> = [];
  for (const line of ann.split('\n')) {
    const [id, middle] = line.split('\t');
    if (!id || !middle) continue;
    if (id.startsWith('T')) {
      const space = middle.indexOf(' ');
      spans.set(id, fragments(middle.slice(space + 1)));
    } else if (id.startsWith('E')) {
      const roles: Record<string, string> = {};
      for (const part of middle.split(' ')) {
        const [role, ref] = part.split(':');
        if (role && ref) roles[role.replace(/-no-source$/, '').replace(/\d+$/, '')] = ref;
      }
      events.push(roles);
    }
  }
  const get = (ref: string | undefined): Span[] => (ref ? (spans.get(ref) ?? []) : []);
  return events.map((e) => ({ content: get(e.Content), source: get(e.Source), cue: get(e.Cue) })).filter((a) => a.content.length > 0);
}

/**
 * Loads one split. Articles annotated by several people (agreement checks) are scored against the first
 * annotator's file by name order, so no article counts twice.
 */
export function loadSplit(root: string, split: 'dev' | 'test', limit = Number.POSITIVE_INFINITY): GoldArticle[] {
  const dir = join(root, split);
  const seen = new Set<string>();
  const out: GoldArticle[] = [];
  for (const file of readdirSync(join(dir, 'attributions')).sort()) {
    const name = file.replace(/_[^_]*\.ann$/, '');
    if (seen.has(name) || out.length >= limit) continue;
    seen.add(name);
    const text = readFileSync(join(dir, 'text', `${name}.txt`), 'utf8');
    out.push({ name, text, attributions: parseAnn(readFileSync(join(dir, 'attributions', file), 'utf8')) });
  }
  return out;
}
