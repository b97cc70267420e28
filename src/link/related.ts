import type { RelatedReason, RelatedStory } from '../model/story.js';
import type { LinkerEntry } from './linker.js';

/** Share of a story's articles that must name an anchor for it to stand for the story. */
const MIN_SHARE = 0.34;
/** Shared names listed per reason. */
const MAX_VALUES = 4;
/** Related stories listed per story, most similar first. */
export const MAX_RELATED = 8;

/** What a story's articles name, as the share of its articles naming each anchor. */
interface Profile {
  names: Map<string, number>;
  places: Map<string, number>;
  topic: Map<string, number>;
}

/**
 * Why two stories of one group are related, and how strongly: the participants and places most of each story's
 * articles name, and the topic words of their leads (what happened). The similarity is the Jaccard overlap of the
 * three sets together; a pair the grouping joined with none of them in common is related by topic alone (their
 * bodies are alike).
 */
export function relatedStory(story: readonly LinkerEntry[], other: readonly LinkerEntry[], id: string): Omit<RelatedStory, 'title'> {
  const a = profile(story);
  const b = profile(other);
  const reasons: RelatedReason[] = [];
  const actors = shared(a.names, b.names);
  if (actors.length > 0) reasons.push({ kind: 'actors', values: actors.slice(0, MAX_VALUES).map(display) });
  const places = shared(a.places, b.places);
  if (places.length > 0) reasons.push({ kind: 'place', values: places.slice(0, MAX_VALUES).map(display) });
  const topic = shared(a.topic, b.topic);
  if (topic.length > 0 || reasons.length === 0) reasons.push({ kind: 'topic', values: [] });
  const union = new Set([...keys(a), ...keys(b)]).size;
  const similarity = union === 0 ? 0 : (actors.length + places.length + topic.length) / union;
  return { id, similarity: Math.round(similarity * 1000) / 1000, reasons };
}

function profile(members: readonly LinkerEntry[]): Profile {
  const count = (pick: (e: LinkerEntry) => Record<string, number>) => {
    const out = new Map<string, number>();
    for (const e of members) for (const k of Object.keys(pick(e))) out.set(k, (out.get(k) ?? 0) + 1 / members.length);
    return new Map([...out].filter(([, share]) => share >= MIN_SHARE));
  };
  return { names: count((e) => e.anchors.names), places: count((e) => e.anchors.places), topic: count((e) => e.anchors.lead.terms) };
}

function keys(p: Profile): string[] {
  return [...p.names.keys(), ...[...p.places.keys()].map((k) => `p:${k}`), ...[...p.topic.keys()].map((k) => `t:${k}`)];
}

/** Anchors both stories stand for, the most widely named first. */
function shared(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): string[] {
  return [...a.keys()]
    .filter((k) => b.has(k))
    .sort((x, y) => Math.min(b.get(y) as number, a.get(y) as number) - Math.min(b.get(x) as number, a.get(x) as number) || (x < y ? -1 : 1));
}

/** A folded name token as a reader would write it ("mateo" → "Mateo"). */
function display(token: string): string {
  return token.charAt(0).toUpperCase() + token.slice(1);
}
