import type { Block } from '../../model/annotations.js';
import { type OffsetMap, toRawSpan } from '../../model/offset-map.js';
import { MAX_REMOVALS, type RenderedText } from './render.js';

/**
 * Lines at the end of an article shorter than this are prompts, not prose (tuned on the even half: 80 beat 50;
 * trimming short lines at the start as well was neutral, since a subtitle under the headline is often article text).
 */
const TAIL_MAX_CHARS = 80;
/** At most this many such lines are trimmed: a longer run of short lines is a list the article holds. */
const TAIL_MAX_BLOCKS = 3;

/** A short line that does not end a sentence: "Share this article", "Read also", "Comment". */
function isPrompt(line: string): boolean {
  return line.length < TAIL_MAX_CHARS && !/[.!?…"”»]$/.test(line);
}

/**
 * The rendering without the prompt lines left at its end once the links they introduced were pruned — "Share
 * this", "Read also", "Comment" — each trimmed line recorded in `removed` with its raw span. Never trims an
 * article down to nothing.
 */
export function trimTail(rendered: RenderedText): RenderedText {
  const { text, map, blocks } = rendered;
  const line = (i: number): string => {
    const block = blocks[i] as Block;
    return text.slice(block.start, block.end);
  };
  let last = blocks.length;
  // A list item ends a list the article holds (its last point, a reference), never a prompt.
  while (blocks.length - last < TAIL_MAX_BLOCKS && last > 1 && (blocks[last - 1] as Block).kind !== 'list-item' && isPrompt(line(last - 1))) last--;
  if (last === blocks.length) return rendered;
  const end = (blocks[last - 1] as Block).end;
  const dropped = blocks.slice(last).map((block) => ({ text: text.slice(block.start, block.end), reason: 'trailing prompt', raw: toRawSpan(map, block) }));
  return {
    ...rendered,
    text: text.slice(0, end),
    map: clipMap(map, end),
    blocks: blocks.slice(0, last),
    removed: [...rendered.removed, ...dropped].slice(0, MAX_REMOVALS),
  };
}

/** The map of `text.slice(0, end)`: runs past `end` dropped, the run holding it clipped. */
function clipMap(map: OffsetMap, end: number): OffsetMap {
  const runs: number[] = [];
  for (let i = 0; i < map.runs.length; i += 4) {
    const c = map.runs[i] as number;
    if (c >= end) break;
    const r = map.runs[i + 1] as number;
    const cl = map.runs[i + 2] as number;
    const rl = map.runs[i + 3] as number;
    const to = Math.min(c + cl, end);
    // Linear runs map character by character; a replaced run (an entity, collapsed spaces) only as a whole.
    runs.push(c, r, to - c, cl === rl ? to - c : rl);
  }
  return { runs };
}
