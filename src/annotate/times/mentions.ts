import type { AnchorBasis, TimeMention } from '../../model/annotations.js';
import { covers, type Span } from '../../model/span.js';
import { type Reference, resolve } from './normalize.js';
import type { Detection, Unit } from './spec.js';

/** A stretch of text that is not the article's own voice (a caption kept in the text), with its own date if known. */
export interface EmbedZone {
  span: Span;
  reference: Reference | null;
}

/** What a text's expressions are resolved against. */
export interface Anchoring {
  reference: Reference | null;
  basis: AnchorBasis;
  embeds?: readonly EmbedZone[];
}

/**
 * Builds the `times` layer from detections. Expressions inside an embed are resolved against the embed's own date
 * (anchor `embed`), or left with X parts when it has none, never against the article's date. Absolute values
 * needed no reference, so their anchor is `none`. "The next day" and "that day" count from the last date the text
 * mentioned before them (outside embeds), when it is precise enough; otherwise from the reference. A story's date is only near the article's own day, so weekdays
 * resolved against it take the nearest occurrence rather than the tense's side.
 */
export function toMentions(text: string, detections: readonly Detection[], anchoring: Anchoring): TimeMention[] {
  let narrative: Reference | null = null;
  return detections.map((d) => {
    const zone = anchoring.embeds?.find((z) => covers(z.span, d));
    const anaphoric = d.spec.kind === 'shift' && d.spec.anaphoric === true && !zone && narrative !== null && fits(narrative, d.spec.unit);
    const reference = zone ? zone.reference : anaphoric ? narrative : anchoring.reference;
    const resolved = resolve(d.spec, reference, d.tense, !zone && anchoring.basis === 'story' ? 'nearby' : 'today');
    const basis: AnchorBasis = !resolved.relative || !reference ? 'none' : zone ? 'embed' : anaphoric ? 'text' : anchoring.basis;
    if (!zone && (resolved.type === 'date' || resolved.type === 'time')) narrative = asReference(resolved.value) ?? narrative;
    const mention: TimeMention = {
      start: d.start,
      end: d.end,
      text: text.slice(d.start, d.end),
      type: resolved.type,
      value: resolved.value,
      precision: resolved.precision,
      relative: resolved.relative,
      anchor: basis,
    };
    if (zone) mention.inEmbed = true;
    return mention;
  });
}

/** A resolved date value as a reference for the next anaphoric expression ("2025-03-03" → that day), or null. */
function asReference(value: string): Reference | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:$|T)/.exec(value);
  if (!m) return null;
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : null, day: m[3] ? Number(m[3]) : null };
}

/** Whether the narrative date is precise enough to count the unit from ("the next day" needs a day). */
function fits(ref: Reference, unit: Unit): boolean {
  if (unit === 'year' || unit === 'decade' || unit === 'century') return true;
  if (unit === 'month' || unit === 'quarter' || unit === 'half') return ref.month !== null;
  return ref.month !== null && ref.day !== null;
}
