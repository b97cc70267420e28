import { useState } from 'preact/hooks';
import { Citations, Section } from '../components/citations.js';
import { formatDate } from '../dates.js';
import { articleHref } from '../route.js';
import { articleLabel, useDossier } from './context.js';
import { LABEL_CHARS, layout, type Placed, timelineItems, WIDTH } from './timeline-layout.js';

const AXIS_Y = 22;
const LANE_Y = 46;
const LANE_HEIGHT = 24;

/**
 * The timeline picture: story events on the top lane, dated statements below, on one time axis (a month-precise
 * date is a bar across its month). Clicking a marker shows the statement with its citations; the list under the
 * picture holds every item, including the ones too crowded or too vague to draw.
 */
export function Timeline() {
  const data = useDossier();
  const { story } = data;
  const { items, undated } = timelineItems(story);
  const { placed, ticks, hidden } = layout(items);
  const [selected, setSelected] = useState<string | null>(null);
  const lanes = Math.max(0, ...placed.map((p) => p.lane)) + 1;
  const height = LANE_Y + lanes * LANE_HEIGHT + 8;
  const current = placed.find((p) => p.key === selected) ?? null;
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
            <Marker key={p.key} item={p} selected={p.key === selected} onSelect={() => setSelected(p.key === selected ? null : p.key)} />
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
        <div class="timeline-detail">
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

function Marker({ item, selected, onSelect }: { item: Placed; selected: boolean; onSelect: () => void }) {
  const y = LANE_Y + item.lane * LANE_HEIGHT;
  const label = item.text.length > LABEL_CHARS ? `${item.text.slice(0, LABEL_CHARS - 1)}…` : item.text;
  const point = item.range.precision === 'day';
  return (
    // biome-ignore lint/a11y/useSemanticElements: SVG has no button element; the role and key handler make the group one.
    <g
      class={`marker ${item.kind}${selected ? ' selected' : ''}`}
      role="button"
      tabIndex={0}
      onClick={onSelect}
      onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onSelect()}
    >
      <title>{`${item.range.label}: ${item.text}`}</title>
      {point ? <circle cx={item.x0} cy={y} r={5} /> : <rect x={item.x0} y={y - 4} width={item.x1 - item.x0} height={8} rx={3} />}
      <text x={item.labelX} y={y + 4} text-anchor={item.anchor}>
        {label}
      </text>
    </g>
  );
}
