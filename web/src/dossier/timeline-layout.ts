import type { CitationOut, StoryOut } from '../../../src/index.js';
import { type DateRange, dateRange, type Tick, ticks } from '../dates.js';

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
  lane: number;
  /** Where the label starts (or ends, when it sits left of a marker near the right edge). */
  labelX: number;
  anchor: 'start' | 'end';
}

/** Picture geometry, in SVG user units (the SVG scales to the page width). */
export const WIDTH = 960;
const MARGIN = 24;
/** Average label glyph width at the picture's font size, to keep labels in one lane from overlapping. */
const CHAR_WIDTH = 6.2;
/** Longest label drawn beside a marker; the hover text and the list hold the whole statement. */
export const LABEL_CHARS = 34;
/** Lanes for dated statements and for events; more would make the picture taller than a screen. */
export const MAX_LANES = 12;
const MAX_EVENT_LANES = 3;

/** The story's dated events and timeline entries; values the picture cannot place (vague dates) are left out. */
export function timelineItems(story: StoryOut): { items: TimelineItem[]; undated: number } {
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
 * Places items on a time axis: events on the top lanes, statements on lanes below, each in the first lane of its
 * band where its marker and label fit after the previous one (greedy interval packing). A label that would run off
 * the right edge sits left of its marker. Items that fit in no lane are dropped from the picture (the list under it
 * still shows them) and counted.
 */
export function layout(items: readonly TimelineItem[]): { placed: Placed[]; ticks: Array<Tick & { x: number }>; hidden: number } {
  if (items.length === 0) return { placed: [], ticks: [], hidden: 0 };
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
    const width = 8 + Math.min(item.text.length, LABEL_CHARS) * CHAR_WIDTH;
    // Labels start right of a day's point, or right of a longer stretch's bar.
    const after = item.range.precision === 'day' ? x0 : x1;
    const right = after + width <= WIDTH;
    const [left, reach] = right ? [x0, after + width] : [x0 - width, x1];
    const band = bands[item.kind];
    let lane = band.ends.findIndex((laneEnd) => laneEnd < left);
    if (lane === -1 && band.ends.length < band.max) lane = band.ends.push(0) - 1;
    if (lane === -1) {
      hidden++;
      continue;
    }
    band.ends[lane] = reach + 8;
    placed.push({ ...item, x0, x1, bandLane: lane, labelX: right ? after + 8 : x0 - 8, anchor: right ? 'start' : 'end' });
  }
  const eventLanes = bands.event.ends.length;
  return {
    placed: placed.map(({ bandLane, ...p }) => ({ ...p, lane: p.kind === 'event' ? bandLane : eventLanes + bandLane })),
    ticks: ticks(start, end).map((t) => ({ ...t, x: x(t.at) })),
    hidden,
  };
}
