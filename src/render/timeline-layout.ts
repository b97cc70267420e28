import type { CitationOut, StoryOut } from '../model/contract.js';
import { type DateRange, dateRange, type Tick, ticks } from './date-range.js';

/**
 * Layout of the timeline picture, shared by the web UI (web/src/dossier/timeline.tsx) and the exported HTML
 * (timeline-svg.ts), so both draw the same picture: positions, lanes and label texts are decided here, in SVG user
 * units; the SVG then scales to the page width (text scales with it, so the estimates below hold at any width).
 */

/** One thing placed on the timeline picture: a story event or a dated statement. */
export interface TimelineItem {
  key: string;
  kind: 'event' | 'fact';
  text: string;
  date: string;
  range: DateRange;
  citations: CitationOut[];
  articleIds: string[];
}

/** An item with its place in the picture. */
export interface Placed extends TimelineItem {
  x0: number;
  x1: number;
  /** Lane from the top: events first, then statements. */
  lane: number;
  /** The label drawn: the text, shortened at a word with "…" when the whole does not fit (hover and focus show it all). */
  label: string;
  /** Where the label starts (or ends, when it sits left of its marker). */
  labelX: number;
  anchor: 'start' | 'end';
  /** Estimated label width, never less than the drawn width (the browser test checks labels do not overlap). */
  labelWidth: number;
}

/** Picture geometry, in SVG user units. */
export const WIDTH = 960;
export const AXIS_Y = 22;
export const LANE_Y = 46;
export const LANE_HEIGHT = 24;
/** Label font size in user units (timeline.css and timeline-svg.ts draw at this size). */
export const FONT_SIZE = 11;
const MARGIN = 24;
/** Space between a marker and its label, and the least space between two items in a lane. */
const LABEL_GAP = 7;
const ITEM_GAP = 12;
/**
 * Label lengths tried, longest first: an item takes the longest label that fits in some lane, so labels are only
 * shortened where the picture is crowded. 60 characters is about a news headline; under 16 a label says too little
 * to be worth drawing (the list under the picture has every item in full).
 */
const LABEL_LENGTHS = [60, 40, 28, 16] as const;
/** Lanes for dated statements and for events; more would make the picture taller than a screen. */
export const MAX_LANES = 12;
const MAX_EVENT_LANES = 3;

/** The story's dated events and timeline entries; values the picture cannot place (vague dates) are left out. */
export function timelineItems(story: Pick<StoryOut, 'events' | 'timeline'>): { items: TimelineItem[]; undated: number } {
  const items: TimelineItem[] = [];
  let undated = 0;
  story.events.forEach((e, i) => {
    const range = e.date ? dateRange(e.date) : null;
    if (range && e.date) items.push({ key: `e${i}`, kind: 'event', text: e.title, date: e.date, range, citations: [], articleIds: e.articleIds });
    else undated++;
  });
  story.timeline.forEach((t, i) => {
    const range = dateRange(t.date);
    if (range) items.push({ key: `t${i}`, kind: 'fact', text: t.text, date: t.date, range, citations: t.citations, articleIds: [] });
    else undated++;
  });
  items.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return { items, undated };
}

/**
 * Places items on a time axis: events on the top lanes, statements on lanes below. Each item, in time order, takes
 * the longest label (LABEL_LENGTHS) that fits right of its marker, or else left of it, in the first lane of its band
 * whose previous item ends before it (greedy interval packing), so no two labels or markers overlap and no label
 * leaves the picture. Items that fit nowhere even with the shortest label are left out of the picture (the list
 * under it still shows them) and counted.
 */
export function layout(items: readonly TimelineItem[]): { placed: Placed[]; ticks: Array<Tick & { x: number }>; hidden: number; height: number } {
  if (items.length === 0) return { placed: [], ticks: [], hidden: 0, height: LANE_Y };
  let start = Math.min(...items.map((i) => i.range.start));
  let end = Math.max(...items.map((i) => i.range.end));
  const pad = Math.max((end - start) * 0.03, 3 * 86_400_000);
  start -= pad;
  end += pad;
  const x = (t: number): number => MARGIN + ((t - start) / (end - start)) * (WIDTH - 2 * MARGIN);
  const bands = { event: { ends: [] as number[], max: MAX_EVENT_LANES }, fact: { ends: [] as number[], max: MAX_LANES } };
  const placed: Array<Omit<Placed, 'lane'> & { bandLane: number }> = [];
  let hidden = 0;
  for (const item of items) {
    const x0 = x(item.range.start);
    const x1 = Math.max(x(item.range.end), x0 + 4);
    // A day's point is a circle of radius 5 around x0; a longer stretch is a bar from x0 to x1.
    const [markLeft, markRight] = item.range.precision === 'day' ? [x0 - 5, x0 + 5] : [x0, x1];
    const spot = place(item, markLeft, markRight, bands[item.kind]);
    if (!spot) {
      hidden++;
      continue;
    }
    placed.push({ ...item, x0, x1, ...spot });
  }
  const eventLanes = bands.event.ends.length;
  const lanes = eventLanes + bands.fact.ends.length;
  return {
    placed: placed.map(({ bandLane, ...p }) => ({ ...p, lane: p.kind === 'event' ? bandLane : eventLanes + bandLane })),
    ticks: ticks(start, end).map((t) => ({ ...t, x: x(t.at) })),
    hidden,
    height: LANE_Y + Math.max(lanes, 1) * LANE_HEIGHT - LANE_HEIGHT / 2 + 8,
  };
}

type Spot = Pick<Placed, 'label' | 'labelX' | 'anchor' | 'labelWidth'> & { bandLane: number };

/**
 * The longest label that fits, in the first lane where it fits (right of the marker if it fits there, else left),
 * opening a new lane when no existing one has room.
 */
function place(item: TimelineItem, markLeft: number, markRight: number, band: { ends: number[]; max: number }): Spot | null {
  let tried = '';
  for (const chars of LABEL_LENGTHS) {
    const label = shorten(item.text, chars);
    if (label === tried) continue; // a short text is the same label at every length
    tried = label;
    const width = labelWidth(label);
    const sides: Array<{ left: number; right: number; labelX: number; anchor: 'start' | 'end' }> = [];
    if (markRight + LABEL_GAP + width <= WIDTH)
      sides.push({ left: markLeft, right: markRight + LABEL_GAP + width, labelX: markRight + LABEL_GAP, anchor: 'start' });
    if (markLeft - LABEL_GAP - width >= 0) sides.push({ left: markLeft - LABEL_GAP - width, right: markRight, labelX: markLeft - LABEL_GAP, anchor: 'end' });
    const existing = band.ends.findIndex((laneEnd) => sides.some((side) => laneEnd + ITEM_GAP <= side.left));
    const lane = existing !== -1 ? existing : band.ends.length < band.max && sides.length > 0 ? band.ends.push(-Infinity) - 1 : -1;
    const side = lane === -1 ? undefined : sides.find((s) => (band.ends[lane] as number) + ITEM_GAP <= s.left);
    if (lane === -1 || !side) continue;
    band.ends[lane] = side.right;
    return { bandLane: lane, label, labelX: side.labelX, anchor: side.anchor, labelWidth: width };
  }
  return null;
}

/** The text cut to at most `chars` characters at a word boundary, with "…"; whole when it is short enough. */
export function shorten(text: string, chars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= chars) return flat;
  const cut = flat.slice(0, chars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= chars * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

/**
 * Advance widths of printable ASCII (space to `~`) in hundredths of an em, rounded up, read from DejaVu Sans's
 * `hmtx` table: the widest common default face (Chromium's on Linux; Segoe UI, SF and Helvetica are narrower), so an
 * estimate is never short of the drawn text, and kerning only takes width away.
 */
const ASCII_WIDTHS = [
  32, 41, 46, 84, 64, 96, 78, 28, 40, 40, 50, 84, 32, 37, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 54, 100, 69, 69, 70, 78, 64, 58,
  78, 76, 30, 30, 66, 56, 87, 75, 79, 61, 79, 70, 64, 62, 74, 69, 99, 69, 62, 69, 40, 34, 40, 84, 50, 50, 62, 64, 55, 64, 62, 36, 64, 64, 28, 28, 58, 28, 98,
  64, 62, 64, 64, 42, 53, 40, 64, 60, 82, 60, 60, 53, 64, 34, 64, 84,
];
/** The same for the punctuation news text uses most beyond ASCII. */
const OTHER_WIDTHS: Readonly<Record<string, number>> = { '—': 100, '…': 100, '–': 50, '“': 52, '”': 52, '‘': 32, '’': 32, '·': 32, '«': 62, '»': 62 };

/** Estimated width of a label in user units at FONT_SIZE, never less than DejaVu Sans draws it. */
export function labelWidth(text: string): number {
  let hundredths = 0;
  for (const ch of text) hundredths += charWidth(ch);
  return Math.ceil((hundredths / 100) * FONT_SIZE);
}

function charWidth(ch: string): number {
  const code = ch.charCodeAt(0);
  if (code >= 32 && code < 127) return ASCII_WIDTHS[code - 32] as number;
  const known = OTHER_WIDTHS[ch];
  if (known !== undefined) return known;
  if (code >= 0x2e80) return 105; // CJK and other full-width scripts
  // An accented Latin letter is as wide as its base letter ("é" as "e"); anything else gets a wide letter's width.
  const base = ch.normalize('NFD').charCodeAt(0);
  return base >= 32 && base < 127 ? (ASCII_WIDTHS[base - 32] as number) : 100;
}
