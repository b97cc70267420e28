/**
 * Temporal expressions → TIMEX3 values with precision (English and Spanish). The stage for the pipeline, the
 * story-level re-anchoring for the linker, and the text-level functions the evaluation uses.
 */
export { parseReference } from './anchor.js';
export { detectTimes } from './detect.js';
export { type Anchoring, type EmbedZone, toMentions } from './mentions.js';
export type { Reference } from './normalize.js';
export { annotateTimes, type TimesOptions, times } from './stage.js';
export { medianReference, ownReference, reanchorTimes, storyReferenceDate } from './story.js';
