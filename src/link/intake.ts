import { formatReference } from '../annotate/times/anchor.js';
import { annotateTimes, TIMES_DEFAULTS } from '../annotate/times/stage.js';
import type { AnchorBasis } from '../model/annotations.js';
import type { Article } from '../model/article.js';
import type { LinkInput } from '../store/store.js';
import { ANCHORS_VERSION } from './anchors.js';
import { linkerEntryOf } from './linker.js';

/*
 * What the linker reads from an article, computed once beside it by whoever stored it (a queue worker), so the one
 * linker of a deployment files stored inputs (`LinkInput`) instead of reading every article's text again: its
 * anchors, copy print and title (the linker entry before filing), and how the article is dated on its own evidence
 * (for re-anchoring undated articles against their story). Workers scale out; the linker does not (docs/scale.md,
 * "The linker's intake").
 */

/** How an article is dated on its own, for `relink`'s re-anchoring. */
export interface Dating {
  /** `ownReference` of the article: its reference date and basis without any story, or null. */
  own: { date: string; basis: AnchorBasis } | null;
  /**
   * Whether its times layer is already what re-anchoring against any story date gives: it is dated by its own
   * metadata or text (so `reanchorTimes` keeps its own reference) and the stored layer equals the times resolved
   * against it. Then the linker need not read the article to re-anchor it.
   */
  fixed: boolean;
}

/**
 * Version of the stored inputs: the anchors' version times a hundred plus this file's own, so a change to the
 * anchors (ANCHORS_VERSION) or to how an entry (`linkerEntryOf`) or dating is made invalidates every stored input. Bump the last
 * term when copy prints, titles, credited origins or the times' reference choice change what they give.
 */
export const LINK_INPUT_VERSION = ANCHORS_VERSION * 100 + 2;

/** How an article is dated on its own (`Dating`): one resolution of its times, as the times stage makes it. */
export function datingOf(article: Article): Dating {
  const { mentions, choice } = annotateTimes(article, TIMES_DEFAULTS, null);
  const own = choice.reference ? { date: formatReference(choice.reference), basis: choice.basis } : null;
  const selfDated = choice.basis === 'metadata' || choice.basis === 'text';
  return { own, fixed: selfDated && JSON.stringify(mentions) === JSON.stringify(article.layers.times) };
}

/** The stored input of an analysed article (a worker calls this before storing it). */
export function linkInputOf(article: Article): LinkInput {
  return { version: LINK_INPUT_VERSION, entry: JSON.stringify(linkerEntryOf(article)), dating: JSON.stringify(datingOf(article)) };
}
