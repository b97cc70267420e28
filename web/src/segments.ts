/** A highlighted span of an article's text: which layer it comes from and what a hover says about it. */
export interface Mark {
  start: number;
  end: number;
  /** CSS class of the layer (`entity-person`, `time`, `quote`, …). */
  kind: string;
  label: string;
}

/** A run of text covered by the same marks: what the reader renders as one element. */
export interface Segment {
  start: number;
  end: number;
  marks: Mark[];
}

/**
 * Cuts `[from, to)` into runs over which the set of covering marks does not change, so overlapping and nested layers
 * (a name inside a quote inside a sentence) render as flat, non-overlapping elements. One sweep over sorted
 * boundaries: O((n + s) log n) for n marks and s segments.
 */
export function segment(from: number, to: number, marks: readonly Mark[]): Segment[] {
  const starts = new Map<number, Mark[]>();
  const ends = new Map<number, Mark[]>();
  const cuts = new Set<number>([from, to]);
  for (const mark of marks) {
    const start = Math.max(from, mark.start);
    const end = Math.min(to, mark.end);
    if (end <= start) continue;
    add(starts, start, mark);
    add(ends, end, mark);
    cuts.add(start);
    cuts.add(end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const active = new Set<Mark>();
  const out: Segment[] = [];
  for (let i = 0; i < sorted.length - 1; i++) {
    const at = sorted[i] as number;
    for (const mark of ends.get(at) ?? []) active.delete(mark);
    for (const mark of starts.get(at) ?? []) active.add(mark);
    out.push({ start: at, end: sorted[i + 1] as number, marks: [...active] });
  }
  return out;
}

function add(map: Map<number, Mark[]>, at: number, mark: Mark): void {
  const list = map.get(at);
  if (list) list.push(mark);
  else map.set(at, [mark]);
}
