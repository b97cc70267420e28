import { badness, gluesScriptToLatin } from './badness.js';
import { CODE_PAGES, type CodePage } from './code-pages.js';
import { A_GRAVE_CONTRACTIONS } from './patterns.js';
import { type Reading, reread, type Sequence } from './reread.js';

/** One replacement found in a pass: text [start, end) becomes `to`. */
export interface Fix {
  start: number;
  end: number;
  to: string;
  reason: string;
}

/**
 * Minimum fall in badness for a repair. 1 would let a single coincidence decide (an accented capital before a
 * no-break space, "`¬´" read as MacRoman); every real misreading in the tuning half of the ftfy cases falls by 2 or
 * more once all its runs on a line are counted together.
 */
const MIN_DROP = 2;
/** Minimum fall in badness alone: the evidence of valid UTF-8 never suffices without the text looking better. */
const MIN_GAIN = 1;
/**
 * Re-readings scored per pass, at most: ordinary text needs a handful per damaged word, and a whole megabyte of
 * dense mojibake about 2 per 256 characters, so this only stops hostile input (a megabyte of "Ã ", each pair a
 * plausible "à"), which is left partly unrepaired rather than taking minutes.
 */
const SCORING_BUDGET = 50_000;
/** Characters of context on each side when a run is scored, enough for "word Ã word" patterns. */
const CONTEXT = 3;
/**
 * Longest run looked at in one piece. Real mojibake runs are words (a triple-encoded character is 18 characters);
 * longer runs of non-ASCII text are cut, which keeps the work linear on hostile input.
 */
const MAX_RUN = 256;

interface Budget {
  left: number;
}

interface Run {
  start: number;
  end: number;
  chars: string[];
  /** Badness of the run in its context, computed once: no re-reading can gain more than this. */
  original?: number;
  /** Cut from a longer run at the length cap: the neighbouring piece is unrepaired text, not context. */
  cutBefore?: boolean;
  cutAfter?: boolean;
}

interface Candidate {
  page: CodePage;
  reading: Reading;
  drop: number;
  gain: number;
}

/**
 * One pass of mojibake repair over a text: finds runs of non-ASCII characters, re-reads each as UTF-8 through every
 * code page, and keeps a re-reading only when it makes the text clearly less improbable. A line whose runs all
 * re-read completely through the same page is judged as a whole (consistent mojibake); otherwise each run is
 * judged alone (text where only some words were damaged). Callers repeat passes to undo double encoding.
 */
export function findMojibake(text: string): Fix[] {
  const fixes: Fix[] = [];
  const budget: Budget = { left: SCORING_BUDGET };
  let lineStart = 0;
  while (lineStart <= text.length) {
    // A line of ASCII holds no run: go straight to the line of the next non-ASCII character (most lines of English).
    NON_ASCII.lastIndex = lineStart;
    const next = NON_ASCII.exec(text);
    if (!next) break;
    lineStart = text.lastIndexOf('\n', next.index) + 1;
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd > lineStart) for (const fix of fixLine(text, lineStart, lineEnd, budget)) fixes.push(fix);
    lineStart = lineEnd + 1;
    // Once the budget is spent no re-reading can be scored, so nothing further can be fixed: stop reading.
    if (budget.left <= 0) break;
  }
  return fixes;
}

const NON_ASCII = /[^\x00-\x7f]/g;

/** Every character some code page maps to a byte; a run holding any other re-reads through none. */
const ENCODABLE: ReadonlySet<string> = new Set(CODE_PAGES.flatMap((page) => [...page.toByte.keys()]));

/**
 * Whether any code page might re-read the run. Checked before scoring because scoring is the costly part, and text
 * no page can have produced (emoji, Hebrew, lone surrogates, zero-width marks) was most of the time on hostile lines.
 */
function rereadable(run: Run): boolean {
  return run.chars.every((ch) => ch.charCodeAt(0) < 0x80 || ch === '\uFFFD' || ENCODABLE.has(ch));
}

function fixLine(text: string, start: number, end: number, budget: Budget): Fix[] {
  const runs = findRuns(text, start, end);
  if (runs.length === 0) return [];
  const whole = runs.every(rereadable) ? wholeLineReading(text, runs, budget) : null;
  if (whole) return runs.flatMap((run, i) => toFixes(text, run, whole.page, whole.readings[i] as Reading));
  const fixes: Fix[] = [];
  // Judged alone, a run is cut at its spaces: one broken word must not carry a chance re-reading of the next.
  for (const full of runs) {
    if (budget.left <= 0) break;
    // Only spaces, "?" and U+FFFD: nothing any page re-reads (most runs of a line of replacement characters).
    if (!hasBytes(full)) continue;
    for (const run of splitAtSpaces(full)) {
      // The cheap tests first: badness is the costly part, and most non-ASCII runs (dashes, quote marks, letters of
      // other scripts) hold no character standing for a UTF-8 lead byte in any page.
      if (!rereadable(run) || !CODE_PAGES.some((page) => mayHoldSequence(run, page))) continue;
      const readings = sequenceReadings(run);
      // No page finds a UTF-8 sequence in the run (a lone curly quote that is a lead byte in MacRoman): nothing to
      // score. The run is charged to the budget as its badness would have been, so the budget runs out where it did.
      if (readings.length === 0) {
        if (run.original === undefined) budget.left--;
        continue;
      }
      if (originalBadness(text, run, budget) < MIN_GAIN) continue;
      const best = bestCandidate(text, run, readings, budget);
      if (best && best.drop >= MIN_DROP && best.gain >= MIN_GAIN) fixes.push(...toFixes(text, run, best.page, best.reading));
    }
  }
  return fixes;
}

/**
 * Runs: maximal stretches of non-ASCII characters, also spanning an ASCII space or "?" that follows a non-ASCII
 * character (it may stand for a flattened 0xA0 byte or a lost one).
 */
function findRuns(text: string, start: number, end: number): Run[] {
  const runs: Run[] = [];
  let i = start;
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      i++;
      continue;
    }
    const runStart = i;
    const chars: string[] = [];
    while (i < end && chars.length < MAX_RUN) {
      const c = text.charCodeAt(i);
      if (c >= 0x80) {
        const ch = String.fromCodePoint(text.codePointAt(i) as number);
        chars.push(ch);
        i += ch.length;
      } else if ((c === 0x20 || c === 0x3f) && chars.length > 0 && text.charCodeAt(i - 1) >= 0x80) {
        chars.push(text[i] as string);
        i++;
      } else break;
    }
    if (chars.length === MAX_RUN && i < end && text.charCodeAt(i) >= 0x80) {
      // A cut inside a misread character leaves both halves unrepairable, and an Arabic or CJK paragraph has no
      // ASCII punctuation to end its run sooner: cut after the last space, else before a UTF-8 lead byte.
      chars.length = cutPoint(chars);
      i = runStart + chars.join('').length;
    }
    const previous = runs[runs.length - 1];
    const cutBefore = previous?.end === runStart && previous.cutAfter === true;
    const cutAfter = i < end && text.charCodeAt(i) >= 0x80;
    runs.push({ start: runStart, end: i, chars, ...(cutBefore ? { cutBefore } : {}), ...(cutAfter ? { cutAfter } : {}) });
  }
  return runs;
}

/** Where a run at the length cap is cut: after its last space, else before a misread UTF-8 lead byte near its end. */
function cutPoint(chars: readonly string[]): number {
  const space = chars.lastIndexOf(' ');
  if (space > 0) return space + 1;
  // Windows-1252 is by far the most common misreading; a lead byte starts one of at most 4 bytes.
  const western = (CODE_PAGES[0] as CodePage).toByte;
  for (let k = chars.length - 1; k >= chars.length - 4 && k > 0; k--) if ((western.get(chars[k] as string) ?? 0) >= 0xc0) return k;
  return chars.length;
}

/** Splits a run after each inner space or "?", which stays with the word before it (it may be that word's 0xA0). */
function splitAtSpaces(run: Run): Run[] {
  const inner = run.chars.findIndex((ch, i) => (ch === ' ' || ch === '?') && i < run.chars.length - 1);
  // Most runs are one word: kept as they are, with the badness already computed for them.
  if (inner < 0) return [run];
  const out: Run[] = [];
  let from = 0;
  let start = run.start;
  run.chars.forEach((ch, i) => {
    if ((ch === ' ' || ch === '?') && i < run.chars.length - 1) {
      const chars = run.chars.slice(from, i + 1);
      out.push({ start, end: start + chars.join('').length, chars });
      start += chars.join('').length;
      from = i + 1;
    }
  });
  const rest = run.chars.slice(from);
  if (rest.length > 0) out.push({ start, end: run.end, chars: rest });
  // A run cut from a longer one keeps that on its outer edges.
  const first = out[0] as Run;
  const last = out[out.length - 1] as Run;
  if (run.cutBefore) first.cutBefore = true;
  if (run.cutAfter) last.cutAfter = true;
  return out;
}

/** The page through which every run on the line re-reads completely, none worse and together clearly better. */
function wholeLineReading(text: string, runs: Run[], budget: Budget): { page: CodePage; readings: Reading[] } | null {
  let best: { page: CodePage; readings: Reading[]; drop: number } | null = null;
  const withBytes = runs.map(hasBytes);
  // Runs of only U+FFFD, spaces and "?" re-read as themselves: a line of nothing else has nothing to repair.
  if (!withBytes.includes(true)) return null;
  // Pages that could re-read every run, found before any badness is computed (the costly part).
  const pages = CODE_PAGES.filter((page) => runs.every((run, i) => !withBytes[i] || mayHoldSequence(run, page)));
  if (pages.length === 0) return null;
  let original = 0;
  for (const run of runs) {
    original += originalBadness(text, run, budget);
    if (original >= MIN_GAIN) break;
  }
  if (original < MIN_GAIN) return null;
  for (const page of pages) {
    const readings: Reading[] = [];
    let drop = 0;
    let gain = 0;
    let ok = true;
    for (const [i, run] of runs.entries()) {
      const reading = reread(run.chars, page);
      if (!reading?.complete || (withBytes[i] && reading.sequences.length === 0)) {
        ok = false;
        break;
      }
      const scored = score(text, run, reading, budget);
      if (scored === null || scored.drop < 0) {
        ok = false;
        break;
      }
      readings.push(reading);
      drop += scored.drop;
      gain += scored.gain;
    }
    if (ok && drop >= MIN_DROP && gain >= MIN_GAIN && (!best || drop > best.drop)) best = { page, readings, drop };
  }
  return best;
}

/** Whether a run holds a character that stands for a byte (not only spaces, "?" and U+FFFD). */
function hasBytes(run: Run): boolean {
  return run.chars.some((ch) => ch.charCodeAt(0) >= 0x80 && ch !== '\uFFFD');
}

/** Per code page, the characters standing for a UTF-8 lead byte (0xC2–0xF4): every sequence starts with one. */
const LEAD_CHARS: ReadonlyMap<CodePage, ReadonlySet<string>> = new Map(
  CODE_PAGES.map((page) => [page, new Set([...page.toByte].filter(([, byte]) => byte >= 0xc2 && byte <= 0xf4).map(([ch]) => ch))]),
);

/** Whether a run read through a page can hold a UTF-8 sequence at all: a cheap test that spares most re-readings. */
function mayHoldSequence(run: Run, page: CodePage): boolean {
  const leads = LEAD_CHARS.get(page);
  return leads !== undefined && run.chars.some((ch) => leads.has(ch));
}

/** The re-readings of a run, in code-page order, that find at least one UTF-8 sequence. */
function sequenceReadings(run: Run): Array<{ page: CodePage; reading: Reading }> {
  const out: Array<{ page: CodePage; reading: Reading }> = [];
  for (const page of CODE_PAGES) {
    const reading = mayHoldSequence(run, page) ? reread(run.chars, page) : null;
    if (reading && reading.sequences.length > 0) out.push({ page, reading });
  }
  return out;
}

/** The code page whose (possibly partial) re-reading of one run lowers badness most. */
function bestCandidate(text: string, run: Run, readings: ReadonlyArray<{ page: CodePage; reading: Reading }>, budget: Budget): Candidate | null {
  let best: Candidate | null = null;
  for (const { page, reading } of readings) {
    const scored = score(text, run, reading, budget);
    if (scored !== null && (!best || scored.drop > best.drop)) best = { page, reading, ...scored };
  }
  return best;
}

/**
 * How much a re-reading improves the run in context: `gain` is the fall in badness alone, `drop` adds the evidence
 * of valid UTF-8. Null when the result is unfit (private-use or unassigned characters, East Asian glued to Latin).
 */
function score(text: string, run: Run, reading: Reading, budget: Budget): { drop: number; gain: number } | null {
  if (budget.left-- <= 0) return null;
  const replaced = applyReading(text, run, reading);
  const { before, after } = contextOf(text, run);
  if (unfit(before, replaced, after)) return null;
  const original = originalBadness(text, run, budget);
  const direct = badness(before + replaced + after);
  const gain = original - (original - direct < MIN_GAIN ? lowestBadness(before, replaced, after, direct) : direct);
  return { gain, drop: gain + evidence(reading) };
}

/** Counted against the budget when computed: on a line of a million one-character runs it was the unbounded part. */
function originalBadness(text: string, run: Run, budget: Budget): number {
  if (run.original === undefined) {
    budget.left--;
    const { before, after } = contextOf(text, run);
    run.original = badness(before + run.chars.join('') + after);
  }
  return run.original;
}

/** The characters around a run it is scored with; none on a side where the run was cut from a longer one. */
function contextOf(text: string, run: Run): { before: string; after: string } {
  return {
    before: run.cutBefore ? '' : text.slice(Math.max(0, run.start - CONTEXT), run.start),
    after: run.cutAfter ? '' : text.slice(run.end, run.end + CONTEXT),
  };
}

function unfit(before: string, replaced: string, after: string): boolean {
  return /[\p{Co}\p{Cn}]/u.test(replaced) || gluesScriptToLatin(before + replaced + after);
}

/**
 * Badness of a re-reading, or of re-reading it once more if that is lower: text encoded twice passes through a
 * middle stage ("Г‚ВЈ" → "Â£" → "£") that can look no better than the start.
 */
function lowestBadness(before: string, replaced: string, after: string, direct: number): number {
  let lowest = direct;
  const chars = [...replaced];
  if (!chars.some((ch) => ch.charCodeAt(0) >= 0x80)) return lowest;
  for (const page of CODE_PAGES) {
    const reading = reread(chars, page);
    if (!reading || reading.sequences.length === 0) continue;
    const deeper = readAs(chars, reading);
    if (!unfit(before, deeper, after)) lowest = Math.min(lowest, badness(before + deeper + after));
  }
  return lowest;
}

/** Characters with a reading's sequences replaced by what they decode to. */
function readAs(chars: readonly string[], reading: Reading): string {
  const parts: string[] = [];
  let cursor = 0;
  for (const seq of reading.sequences) {
    parts.push(...chars.slice(cursor, seq.start), seq.text);
    cursor = seq.end;
  }
  parts.push(...chars.slice(cursor));
  return parts.join('');
}

/**
 * Valid UTF-8 is itself evidence: a lead byte followed by exactly the right continuation bytes rarely happens by
 * chance, the less so the longer the sequence. One point per continuation byte (one for a sequence with lost
 * bytes), so a lone two-byte coincidence ("Å™" → "ř") never reaches MIN_DROP on this alone.
 */
function evidence(reading: Reading): number {
  return reading.sequences.reduce((n, seq) => n + (seq.lossy ? 1 : seq.end - seq.start - 1), 0);
}

/** The run's text with its sequences replaced by what they decode to. */
function applyReading(text: string, run: Run, reading: Reading): string {
  return toFixes(text, run, null, reading)
    .map((f) => f.to)
    .join('');
}

/**
 * Fixes for a run's sequences, with the characters between them kept. With `page` null it instead returns the
 * whole run as pieces (kept and replaced), for scoring.
 */
function toFixes(text: string, run: Run, page: CodePage | null, reading: Reading): Fix[] {
  const offsets: number[] = [];
  let at = run.start;
  for (const ch of run.chars) {
    offsets.push(at);
    at += ch.length;
  }
  offsets.push(at);
  const fixes: Fix[] = [];
  let cursor = 0;
  for (const seq of reading.sequences) {
    if (!page && seq.start > cursor) fixes.push(kept(run, offsets, cursor, seq.start));
    fixes.push(sequenceFix(text, offsets, seq, page));
    cursor = seq.end;
  }
  if (!page && cursor < run.chars.length) fixes.push(kept(run, offsets, cursor, run.chars.length));
  return fixes;
}

function kept(run: Run, offsets: number[], from: number, to: number): Fix {
  return { start: offsets[from] as number, end: offsets[to] as number, to: run.chars.slice(from, to).join(''), reason: 'kept' };
}

function sequenceFix(text: string, offsets: number[], seq: Sequence, page: CodePage | null): Fix {
  const start = offsets[seq.start] as number;
  let end = offsets[seq.end] as number;
  // "à" followed by a space that stood for its 0xA0 byte: the space was usually also the word break ("à nos"),
  // so it stays, except before the words "à" contracts with ("às", "àquele").
  let to = seq.text;
  if (seq.restoredSpace && seq.text === 'à' && text[end - 1] === ' ' && text[end] !== ' ' && !A_GRAVE_CONTRACTIONS.test(text.slice(end, end + 4))) {
    if (page) end -= 1;
    else to = 'à ';
  }
  const reason = page ? `mojibake: utf-8 read as ${page.name}${seq.lossy ? ' (bytes lost)' : ''}` : 'candidate';
  return { start, end, to, reason };
}
