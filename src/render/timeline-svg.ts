import type { StoryOut } from '../model/contract.js';
import { esc } from './escape.js';
import { AXIS_Y, FONT_SIZE, LANE_HEIGHT, LANE_Y, layout, type Placed, timelineItems, WIDTH } from './timeline-layout.js';

/** Styles of the picture; the exported page allows inline style but no script, so hover and focus are CSS only. */
export const TIMELINE_STYLE = `svg.timeline{width:100%;height:auto;font-family:system-ui,sans-serif}
svg.timeline .axis{stroke:#9aa5b1}svg.timeline .tick{stroke:#eceff3}svg.timeline .tick-label{fill:#555}
svg.timeline .fact circle,svg.timeline .fact rect{fill:#5b8fd1;stroke:#2c5d99}
svg.timeline .event circle,svg.timeline .event rect{fill:#e0a030;stroke:#9a6410}
svg.timeline .coarse circle,svg.timeline .coarse rect{fill-opacity:.35}
svg.timeline a{cursor:pointer}svg.timeline a text{fill:#1d1d1f}
svg.timeline a:hover text,svg.timeline a:focus text{text-decoration:underline}
svg.timeline a:focus{outline:none}svg.timeline a:focus circle,svg.timeline a:focus rect{stroke:#000;stroke-width:2}
li:target{background:#fff3a8}`;

/**
 * The timeline picture as inline SVG (no script, so it works inside the exported page's strict CSP), laid out as the
 * web UI lays it out (timeline-layout.ts): events above, dated statements below, each with a label placed so none
 * overlaps another. A shortened label's whole text is the marker's tooltip and accessible name, and the marker links
 * to the item in the list under the picture (`itemId`), where the text is in full.
 */
export function timelineSvg(story: Pick<StoryOut, 'events' | 'timeline'>, itemId: (key: string) => string): string {
  const { items } = timelineItems(story);
  const { placed, ticks, height } = layout(items);
  if (placed.length === 0) return '';
  const parts: string[] = [`<line class="axis" x1="0" x2="${WIDTH}" y1="${AXIS_Y}" y2="${AXIS_Y}"/>`];
  for (const t of ticks) {
    parts.push(
      `<line class="tick" x1="${n(t.x)}" x2="${n(t.x)}" y1="${AXIS_Y - 4}" y2="${height}"/><text class="tick-label" x="${n(t.x + 3)}" y="${AXIS_Y - 8}">${esc(t.label)}</text>`,
    );
  }
  for (const p of placed) parts.push(marker(p, itemId(p.key)));
  return `<svg class="timeline" viewBox="0 0 ${WIDTH} ${height}" font-size="${FONT_SIZE}" role="group" aria-label="Timeline of events and dated statements">${parts.join('')}</svg>`;
}

function marker(p: Placed, target: string): string {
  const y = LANE_Y + p.lane * LANE_HEIGHT;
  const whole = `${p.range.label}: ${p.text}`;
  const exact = p.range.precision === 'day';
  const shape = exact ? `<circle cx="${n(p.x0)}" cy="${y}" r="5"/>` : `<rect x="${n(p.x0)}" y="${y - 4}" width="${n(p.x1 - p.x0)}" height="8" rx="3"/>`;
  return `<a class="${p.kind}${exact ? '' : ' coarse'}" href="#${esc(target)}" aria-label="${esc(whole)}"><title>${esc(whole)}</title>${shape}<text class="label" x="${n(p.labelX)}" y="${y + 4}" text-anchor="${p.anchor}">${esc(p.label)}</text></a>`;
}

/** A coordinate with one decimal: enough for the picture, and stable output for snapshot tests. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}
