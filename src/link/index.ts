/** The linking layer's public API: copies, independent sources, stories and events. */
export type { Anchors } from './anchors.js';
export { articleAnchors } from './anchors.js';
export { canonicalWire, creditedOrigin } from './credits.js';
export { EVENT_DEFAULTS, type EventOptions } from './events.js';
export { LINKER_DEFAULTS, Linker, type LinkerEntry, type LinkerOptions, type LinkerState } from './linker.js';
export { groupStories, type LinkResult, linkArticles } from './stories.js';
