import { useState } from 'preact/hooks';
import { formatDate } from '../../../src/render/date-range.js';
import { AXIS_Y, LANE_HEIGHT, LANE_Y, layout, type Placed, timelineItems, WIDTH } from '../../../src/render/timeline-layout.js';
import { Citations, Section } from '../components/citations.js';
import { articleHref } from '../route.js';
import { articleLabel, useDossier } from './context.js';

/**
 * The timeline picture: story events on the top lane, dated statements below, on one time axis (a month-precise
 * date is a bar across its month). Pointing at a marker or focusing it shows its whole text with its citations
 * under the picture (labels may be shortened); clicking keeps it shown. The list under the picture holds every
 * item, including the ones too crowded or too vague to draw.
 */
export function Timeline() {
  const data = useDossier();
  const { story } = data;
  const { items, undated } = timelineItems(story);
  const { placed, ticks, hidden, height } = layout(items);
  const [selected, setSelected] = useState<string | null>(null);
  const [pointed, setPointed] = useState<string | null>(null);
  const current = placed.find((p) => p.key === (pointed ?? selected)) ?? null;
  const count = story.events.length + story.timeline.length;
  return (
    <Section id="timeline" title="Timeline" count={count} empty="No dated events or statements yet.">
      {placed.length > 0 && (
        <svg class="timeline" viewBox={`0 0 ${WIDTH} ${height}`}>
          <title>Events and dated statements over time</title>
          <line class="axis" x1={0} x2={WIDTH} y1={AXIS_Y} y2={AXIS_Y} />
          {ticks.map((t) => (
            <g key={t.at}>
              <line class="tick" x1={t.x} x2={t.x} y1={AXIS_Y - 4} y2={height} />
              <text class="tick-label" x={t.x + 3} y={AXIS_Y - 8}>
                {t.label}
              </text>
            </g>
          ))}
          {placed.map((p) => (
            <Marker
              key={p.key}
              item={p}
              selected={p.key === selected}
              onSelect={() => setSelected(p.key === selected ? null : p.key)}
              onPoint={(on) => setPointed(on ? p.key : null)}
            />
          ))}
        </svg>
      )}
      {(hidden > 0 || undated > 0) && (
        <p class="note">
          {hidden > 0 ? `${hidden} crowded statements are only in the list below. ` : ''}
          {undated > 0 ? `${undated} items have no date precise enough to draw.` : ''}
        </p>
      )}
      {current && (
        <div class="timeline-detail" aria-live="polite">
          <strong>{formatDate(current.date)}</strong> {current.text} <Citations citations={current.citations} />
          {current.articleIds.map((id) => (
            <a key={id} class="chip" href={articleHref(id)}>
              {articleLabel(data, id)}
            </a>
          ))}
        </div>
      )}
      <table class="timeline-list">
        <tbody>
          {story.events.map((e) => (
            <tr key={e.id} class="event-row">
              <td class="date">{formatDate(e.date)}</td>
              <td>
                <span class="kind">event</span> {e.title}
              </td>
            </tr>
          ))}
          {story.timeline.map((t, i) => (
            <tr key={i}>
              <td class="date">{formatDate(t.date)}</td>
              <td>
                {t.text} <Citations citations={t.citations} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}

function Marker({ item, selected, onSelect, onPoint }: { item: Placed; selected: boolean; onSelect: () => void; onPoint: (on: boolean) => void }) {
  const y = LANE_Y + item.lane * LANE_HEIGHT;
  const point = item.range.precision === 'day';
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no button element; the role and key handler make the group one.
    <g
      class={`marker ${item.kind}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect()}
      onMouseEnter={() => onPoint(true)}
      onMouseLeave={() => onPoint(false)}
      onFocus={() => onPoint(true)}
      onBlur={() => onPoint(false)}
      aria-label={`${item.range.label}: ${item.text}`}
    >
      <title>{`${item.range.label}: ${item.text}`}</title>
      {point ? <circle cx={item.x0} cy={y} r={5} /> : <rect x={item.x0} y={y - 4} width={item.x1 - item.x0} height={8} rx={3} />}
      <text class="label" x={item.labelX} y={y + 4} text-anchor={item.anchor}>
        {item.label}
      </text>
    </g>
  );
}
