import { classWeight, marksArticleBody, type Rules, type Verdict, verdictOf } from './chrome.js';
import type { HtmlElement } from './tree.js';
import { INLINE_TAGS } from './vocabulary.js';

/** Text measures of one element, counted once for the whole page. */
export interface ElementStats {
  /** Characters of text, whitespace runs counted as one. */
  chars: number;
  /** Characters inside links. */
  linkChars: number;
  commas: number;
  /** Paragraph-like descendants (itself included) with at least MIN_PARAGRAPH_CHARS. */
  paragraphs: number;
  /** Characters and commas of its own text and inline children, without its block children. */
  ownChars: number;
  ownCommas: number;
}

/** A page measured once: per-element stats and verdicts, with the furniture subtrees left out of every count. */
export interface PageModel {
  stats: Map<HtmlElement, ElementStats>;
  verdicts: Map<HtmlElement, Verdict>;
  rules: Rules;
}

/** Shortest text that counts as a paragraph when scoring containers (Readability's value). */
const MIN_PARAGRAPH_CHARS = 25;
/** How many ancestor levels a paragraph's score flows up to (Readability's value). */
const SCORE_ANCESTOR_LEVELS = 5;
/** Siblings of the best container join it when they score at least this share of it (Readability: 0.2). */
const SIBLING_SCORE_SHARE = 0.2;
/** …and never less than this absolute score (Readability's value). */
const SIBLING_MIN_SCORE = 10;

const COMMAS = /[,\u060C\uFE50\uFE10\uFE11\u2E41\u2E34\u2E32\uFF0C\u3001]/g;
/** Tags whose own text makes a scored paragraph, as in Readability (divs holding text directly count too). */
const PARAGRAPH_TAGS = new Set(['p', 'pre', 'td', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'blockquote']);
const TEXT_CONTAINERS = new Set(['div', 'section', 'article', 'main', 'span', 'font', 'center', 'li']);
const BASE_SCORES: ReadonlyMap<string, number> = new Map([
  ['div', 5],
  ['article', 5],
  ['main', 5],
  ['section', 3],
  ['pre', 3],
  ['td', 3],
  ['blockquote', 3],
  ['address', -3],
  ['ol', -3],
  ['ul', -3],
  ['dl', -3],
  ['dd', -3],
  ['dt', -3],
  ['li', -3],
  ['form', -3],
  ['th', -5],
]);

function emptyStats(): ElementStats {
  return { chars: 0, linkChars: 0, commas: 0, paragraphs: 0, ownChars: 0, ownCommas: 0 };
}

/**
 * Measures every element bottom-up without recursion; subtrees judged furniture (or captions and embeds) are
 * measured as empty so they never pull a container up.
 */
export function measurePage(root: HtmlElement, rules: Rules): PageModel {
  const stats = new Map<HtmlElement, ElementStats>();
  const verdicts = new Map<HtmlElement, Verdict>();
  const order: HtmlElement[] = [];
  const stack: HtmlElement[] = [root];
  while (stack.length > 0) {
    const el = stack.pop() as HtmlElement;
    order.push(el);
    for (const child of el.children) if (child.type === 'element') stack.push(child);
  }
  // Bottom-up: which elements hold a marked article body (their furniture-like classes must not drop it).
  const holdsBody = new Set<HtmlElement>();
  for (let i = order.length - 1; i >= 0; i--) {
    const el = order[i] as HtmlElement;
    if ((holdsBody.has(el) || marksArticleBody(el)) && el.parent) holdsBody.add(el.parent);
  }
  // Top-down: verdicts; everything under a set-aside element is left unmeasured.
  const kept: HtmlElement[] = [];
  for (const el of order) {
    if (el !== root && (!el.parent || verdicts.get(el.parent)?.kind !== 'keep' || !stats.has(el.parent))) continue;
    let verdict = el === root ? KEEP : verdictOf(el, rules);
    if (verdict.kind === 'drop' && verdict.byClass && holdsBody.has(el)) verdict = KEEP;
    verdicts.set(el, verdict);
    stats.set(el, emptyStats());
    if (verdict.kind === 'keep') kept.push(el);
  }
  // Children come after their parent in `kept`, so walking it backwards visits every child first.
  for (let i = kept.length - 1; i >= 0; i--) {
    const el = kept[i] as HtmlElement;
    const s = stats.get(el) ?? emptyStats();
    for (const child of el.children) {
      if (child.type === 'text') {
        const n = textLength(child.data);
        const commas = countCommas(child.data);
        s.chars += n;
        s.ownChars += n;
        s.commas += commas;
        s.ownCommas += commas;
        continue;
      }
      const c = verdicts.get(child)?.kind === 'keep' ? stats.get(child) : undefined;
      if (!c) continue;
      s.chars += c.chars;
      s.linkChars += c.linkChars;
      s.commas += c.commas;
      s.paragraphs += c.paragraphs;
      if (INLINE_TAGS.has(child.tag)) {
        s.ownChars += c.chars;
        s.ownCommas += c.commas;
      }
    }
    if (el.tag === 'a') s.linkChars = s.chars;
    if (isParagraph(el, s)) s.paragraphs++;
  }
  return { stats, verdicts, rules };
}

const KEEP: Verdict = { kind: 'keep' };

function textLength(data: string): number {
  let n = 0;
  let space = true;
  for (let i = 0; i < data.length; i++) {
    const code = data.charCodeAt(i);
    const ws = code === 32 || code === 10 || code === 9 || code === 13 || code === 160 || code === 12;
    if (!ws) n++;
    else if (!space) n++;
    space = ws;
  }
  return n;
}

function countCommas(data: string): number {
  COMMAS.lastIndex = 0;
  let n = 0;
  while (COMMAS.exec(data)) n++;
  return n;
}

/** A paragraph for scoring: a paragraph tag, or a container whose own text (not its children's blocks) is long. */
function isParagraph(el: HtmlElement, s: ElementStats): boolean {
  if (s.chars < MIN_PARAGRAPH_CHARS) return false;
  if (PARAGRAPH_TAGS.has(el.tag)) return true;
  return TEXT_CONTAINERS.has(el.tag) && s.ownChars >= MIN_PARAGRAPH_CHARS;
}

/** Link share of an element's text, 0 for an empty element. */
export function linkDensity(s: ElementStats): number {
  return s.chars === 0 ? 0 : s.linkChars / s.chars;
}

/**
 * Picks the elements that hold the article, Readability's way: every paragraph scores 1 + commas + a point per 100
 * characters (up to 3), shared with its ancestors (full, half, then a third per level); a container's score is
 * damped by its link density and nudged by its class. The best container is widened when several near-best ones
 * share an ancestor or when scores rise going up; it and those of its siblings that score close to it (or are clean
 * prose paragraphs or prose blocks too deep above their paragraphs to be scored) make the article, in document order.
 */
export function selectContent(root: HtmlElement, model: PageModel): HtmlElement[] {
  const scores = scoreContainers(root, model);
  const ranked = [...scores].sort((a, b) => b[1] - a[1]).slice(0, TOP_CANDIDATES);
  const first = ranked[0];
  if (!first) return [root];
  let best = widen(first[0], ranked, scores, root);
  // An only child says nothing its parent does not; the parent lets sibling joining see the neighbours.
  while (best.parent && best.parent !== root && elementChildren(best.parent).length === 1) best = best.parent;
  const parent = best.parent;
  if (!parent) return [best];
  const bestScore = scores.get(best) ?? 0;
  const threshold = Math.max(SIBLING_MIN_SCORE, bestScore * SIBLING_SCORE_SHARE);
  const bestClass = best.attrs.get('class') ?? '';
  const joins = (sibling: HtmlElement): boolean => {
    const bonus = bestClass !== '' && sibling.attrs.get('class') === bestClass ? bestScore * SIBLING_SCORE_SHARE : 0;
    return (scores.get(sibling) ?? Number.NEGATIVE_INFINITY) + bonus >= threshold || isCleanProse(sibling, model.stats) || isProseBlock(sibling, model.stats);
  };
  let chosen = joinSiblings(best, joins, model);
  // Articles split into blocks (CMS content elements, a lead outside the body) keep prose a few levels up too.
  // Levels where the container is an only child (wrapper divs) are not counted: they add no neighbours.
  let inner = parent;
  for (let level = 0; level < EXPAND_LEVELS && inner !== root && inner.parent; inner = inner.parent) {
    if (elementChildren(inner.parent).length === 1) continue;
    level++;
    const around = joinSiblings(inner, (sibling) => isProseBlock(sibling, model.stats), model);
    const at = around.indexOf(inner);
    chosen = [...around.slice(0, at), ...chosen, ...around.slice(at + 1)];
  }
  return chosen;
}

/** How many branching levels above the best container's parent prose siblings are still joined (tuned on the even half). */
const EXPAND_LEVELS = 3;
/** A sibling block joins as prose with at least this much text and at most this link share (tuned on the even half). */
const PROSE_MIN_CHARS = 150;
const PROSE_MAX_LINK_DENSITY = 0.1;

/** `el` and those of its kept siblings that `joins` accepts, in document order; a heading joins when prose follows it. */
function joinSiblings(el: HtmlElement, joins: (sibling: HtmlElement) => boolean, model: PageModel): HtmlElement[] {
  const parent = el.parent;
  if (!parent) return [el];
  const out: HtmlElement[] = [];
  let heading: HtmlElement | null = null;
  for (const sibling of elementChildren(parent)) {
    if (sibling !== el && model.verdicts.get(sibling)?.kind !== 'keep') continue;
    if (sibling === el || joins(sibling)) {
      if (heading) out.push(heading);
      heading = null;
      out.push(sibling);
    } else heading = HEADING_TAGS.has(sibling.tag) ? sibling : null;
  }
  return out;
}

const HEADING_TAGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** A block of running text: long enough, few links, holding a paragraph. */
function isProseBlock(el: HtmlElement, stats: Map<HtmlElement, ElementStats>): boolean {
  const s = stats.get(el);
  return s !== undefined && s.chars >= PROSE_MIN_CHARS && s.paragraphs > 0 && linkDensity(s) <= PROSE_MAX_LINK_DENSITY;
}

/** Number of best-scoring containers compared when widening the choice (Readability's value). */
const TOP_CANDIDATES = 5;
/** Containers scoring at least this share of the best count as near-best (Readability's value). */
const NEAR_BEST_SHARE = 0.75;
/** How many near-best containers must share an ancestor for it to become the choice (Readability's value). */
const MIN_SHARED_CANDIDATES = 3;

function scoreContainers(root: HtmlElement, model: PageModel): Map<HtmlElement, number> {
  const raw = new Map<HtmlElement, number>();
  const { stats, verdicts } = model;
  for (const [el, s] of stats) {
    if (verdicts.get(el)?.kind !== 'keep' || !isParagraph(el, s)) continue;
    // A paragraph tag scores all its text; a text-holding container only its own, its blocks score for themselves.
    const whole = PARAGRAPH_TAGS.has(el.tag);
    const value = 1 + (whole ? s.commas : s.ownCommas) + Math.min(Math.floor((whole ? s.chars : s.ownChars) / 100), 3);
    let ancestor: HtmlElement | null = el.parent;
    for (let level = 0; ancestor && ancestor !== root && level < SCORE_ANCESTOR_LEVELS; level++) {
      const base = raw.get(ancestor) ?? (BASE_SCORES.get(ancestor.tag) ?? 0) + classWeight(ancestor);
      raw.set(ancestor, base + value / (level === 0 ? 1 : level === 1 ? 2 : level * 3));
      ancestor = ancestor.parent;
    }
  }
  const scores = new Map<HtmlElement, number>();
  for (const [el, score] of raw) scores.set(el, score * (1 - linkDensity(stats.get(el) ?? emptyStats())));
  return scores;
}

/**
 * Readability's two widening rules: an ancestor shared by enough near-best containers replaces the best one (an
 * article split into sections); else, going up, a parent that scores higher than its child replaces it.
 */
function widen(best: HtmlElement, ranked: Array<[HtmlElement, number]>, scores: Map<HtmlElement, number>, root: HtmlElement): HtmlElement {
  const bestScore = scores.get(best) ?? 0;
  const near = ranked.slice(1).filter(([, score]) => bestScore > 0 && score / bestScore >= NEAR_BEST_SHARE);
  if (near.length >= MIN_SHARED_CANDIDATES) {
    const ancestorSets = near.map(([el]) => ancestorsOf(el, root));
    for (let up = best.parent; up && up !== root; up = up.parent) {
      const sharing = ancestorSets.filter((set) => set.has(up)).length;
      if (sharing >= MIN_SHARED_CANDIDATES) return up;
    }
  }
  let last = bestScore;
  const floor = bestScore / 3;
  for (let up = best.parent; up && up !== root; up = up.parent) {
    const score = scores.get(up);
    if (score === undefined) continue;
    if (score < floor) break;
    if (score > last) return up;
    last = score;
  }
  return best;
}

function ancestorsOf(el: HtmlElement, root: HtmlElement): Set<HtmlElement> {
  const out = new Set<HtmlElement>();
  for (let up = el.parent; up && up !== root; up = up.parent) out.add(up);
  return out;
}

function elementChildren(el: HtmlElement): HtmlElement[] {
  return el.children.filter((c): c is HtmlElement => c.type === 'element');
}

/** Readability's rule for sibling paragraphs: long with few links, or short, link-free and ending a sentence. */
function isCleanProse(el: HtmlElement, stats: Map<HtmlElement, ElementStats>): boolean {
  if (el.tag !== 'p') return false;
  const s = stats.get(el);
  if (!s) return false;
  const density = linkDensity(s);
  return (s.chars > 80 && density < 0.25) || (s.chars > 0 && s.chars <= 80 && density === 0);
}
