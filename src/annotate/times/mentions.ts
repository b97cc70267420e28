import type { AnchorBasis, TimeMention } from '../../model/annotations.js';
import { covers, type Span } from '../../model/span.js';
import { type Reference, resolve } from './normalize.js';
import type { Detection } from './spec.js';

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
 * needed no reference, so their anchor is `none`. A story's date is only near the article's own day, so weekdays
 * resolved against it take the nearest occurrence rather than the tense's side.
 */
export function toMentions(text: string, detections: readonly Detection[], anchoring: Anchoring): TimeMention[] {
  return detections.map((d) => {
    const zone = anchoring.embeds?.find((z) => covers(z.span, d));
    const reference = zone ? zone.reference : anchoring.reference;
    const resolved = resolve(d.spec, reference, d.tense, !zone && anchoring.basis === 'story' ? 'nearby' : 'today');
    const basis: AnchorBasis = !resolved.relative || !reference ? 'none' : zone ? 'embed' : anchoring.basis;
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
