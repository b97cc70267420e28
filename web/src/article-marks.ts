import type { ArticleView } from '../../src/index.js';
import type { Mark } from './segments.js';

/** Layers the reader can highlight, with the words its toggles use and whether they start on. */
export const LAYERS = [
  { key: 'entities', title: 'names', on: true },
  { key: 'times', title: 'dates and times', on: true },
  { key: 'quantities', title: 'numbers', on: true },
  { key: 'quotes', title: 'quotes', on: true },
  { key: 'cues', title: 'hedges and opinion cues', on: false },
  { key: 'repairs', title: 'repaired text', on: true },
  { key: 'blocks', title: 'headline and byline', on: true },
] as const;

/** The name of a highlightable layer. */
export type LayerKey = (typeof LAYERS)[number]['key'];

/** Block kinds worth styling; paragraphs are already visible as paragraphs. */
const STYLED_BLOCKS = new Set(['headline', 'subheadline', 'byline', 'dateline', 'heading']);

/** The marks of one layer, dropping any span that does not lie inside the text (bad data must not break the page). */
export function layerMarks(view: ArticleView, key: LayerKey): Mark[] {
  const length = view.article.text.length;
  const inside = (m: Mark): boolean => Number.isInteger(m.start) && Number.isInteger(m.end) && m.start >= 0 && m.start <= m.end && m.end <= length;
  const { layers } = view;
  let marks: Mark[];
  switch (key) {
    case 'entities':
      marks = (layers.entities ?? []).map((e) => ({
        start: e.start,
        end: e.end,
        kind: `entity entity-${e.type}`,
        label: `${e.type}: ${e.canonical}${e.role ? ` (${e.role.text})` : ''}`,
      }));
      break;
    case 'times':
      marks = (layers.times ?? []).map((t) => ({ start: t.start, end: t.end, kind: 'time', label: `${t.type}: ${t.value}` }));
      break;
    case 'quantities':
      marks = (layers.quantities ?? []).map((q) => ({
        start: q.start,
        end: q.end,
        kind: 'quantity',
        label: `${q.qualifier} ${q.value}${q.valueMax !== undefined ? `–${q.valueMax}` : ''}${q.unit ? ` ${q.unit}` : ''}${q.counted ? ` ${q.counted}` : ''}`,
      }));
      break;
    case 'quotes':
      marks = (layers.quotes ?? []).map((q) => ({
        start: q.start,
        end: q.end,
        kind: `quote quote-${q.kind}`,
        label: `${q.kind} quote: ${q.speaker ?? 'speaker not named'}`,
      }));
      break;
    case 'cues':
      marks = (layers.cues ?? []).map((c) => ({ start: c.start, end: c.end, kind: `cue cue-${c.kind}`, label: c.kind }));
      break;
    case 'repairs':
      marks = view.repairs.map((r) => ({ start: r.start, end: r.end, kind: 'repair', label: `repaired “${r.from}” → “${r.to}” (${r.reason})` }));
      break;
    case 'blocks':
      marks = (layers.blocks ?? [])
        .filter((b) => STYLED_BLOCKS.has(b.kind))
        .map((b) => ({ start: b.start, end: b.end, kind: `block-${b.kind}`, label: b.kind }));
      break;
  }
  return marks.filter(inside);
}
