import type { StoryOut } from '../model/contract.js';
import type { StoryEvent } from '../model/story.js';
import { esc } from './escape.js';

const WIDTH = 760;
const PAD = 30;

/**
 * A timeline picture as inline SVG (no script, so it works inside the strict CSP): events as labelled bars above
 * the axis, dated facts as dots below it, positioned by date. Dates of month or year precision sit at the start of
 * their period and are drawn hollow, so coarse dates do not pass for exact ones.
 */
export function timelineSvg(events: readonly StoryEvent[], timeline: StoryOut['timeline']): string {
  const points = [...events.flatMap((e) => (e.date ? [e.date] : [])), ...timeline.map((t) => t.date)].map(toTime).filter((t): t is number => t !== null);
  if (points.length === 0) return '';
  const min = Math.min(...points);
  const max = Math.max(...points);
  const span = Math.max(max - min, 86_400_000);
  const x = (date: string): number => PAD + (((toTime(date) ?? min) - min) / span) * (WIDTH - 2 * PAD);
  const parts: string[] = [`<line x1="${PAD}" y1="70" x2="${WIDTH - PAD}" y2="70" stroke="#888"/>`];
  events.forEach((e, i) => {
    if (!e.date) return;
    const px = x(e.date);
    parts.push(`<rect x="${px - 4}" y="${30 + (i % 2) * 14}" width="8" height="8" fill="#3b6fd4"><title>${esc(`${e.date} — ${e.title}`)}</title></rect>`);
    parts.push(`<text x="${px + 6}" y="${38 + (i % 2) * 14}" font-size="11">${esc(truncate(e.title, 40))}</text>`);
  });
  timeline.forEach((t, i) => {
    const px = x(t.date);
    const exact = t.precision === 'day' || t.precision === 'time';
    parts.push(
      `<circle cx="${px}" cy="${84 + (i % 4) * 9}" r="4" fill="${exact ? '#e67e00' : 'white'}" stroke="#e67e00"><title>${esc(`${t.date} (${t.precision ?? '?'}) — ${t.text}`)}</title></circle>`,
    );
  });
  parts.push(`<text x="${PAD}" y="20" font-size="11">${esc(new Date(min).toISOString().slice(0, 10))}</text>`);
  parts.push(`<text x="${WIDTH - PAD}" y="20" font-size="11" text-anchor="end">${esc(new Date(max).toISOString().slice(0, 10))}</text>`);
  return `<svg class="timeline" viewBox="0 0 ${WIDTH} 130" width="100%" role="img" aria-label="timeline">${parts.join('')}</svg>`;
}

function toTime(date: string): number | null {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

function truncate(text: string, n: number): string {
  return text.length > n ? `${text.slice(0, n - 1)}…` : text;
}
