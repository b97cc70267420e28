import { join } from 'node:path';
import { placedDate } from '../../src/compare/timeline.js';
import { factUnits } from '../../src/compare/units.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { plainArticle } from '../../test/plain-article.js';
import type { Evaluator, Row } from '../harness.js';
import { readFolder, type TmlDoc } from './tempeval.js';

/**
 * Timeline placement on TempEval-3: where the dossier's timeline puts a statement, against where the gold temporal
 * links put the event it tells. Gold: every EVENT instance that a TLINK places inside a TIMEX3 with a calendar value
 * (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`; the document creation time counts) — the event IS_INCLUDED in, DURING or
 * SIMULTANEOUS with it (or the time INCLUDES it). The engine runs its full annotation pipeline on the plain text
 * with the creation date as publication date, cuts it into fact units as a story's dossier does (compare/units.ts)
 * and places the unit holding the event where the timeline would (`placedDate`); a unit naming no date is not
 * placed. A placement is right when it lies inside the gold date at least as precisely ("2013-03-22" inside
 * "2013-03"; "2013" is not right for "2013-03-22"). The baseline places every event at the creation date. Nothing
 * here was tuned: the platinum set is the held-out TempEval-3 test set, TBAQ-cleaned its training set.
 */

/** TLINK types, read from the event's side, that put the event inside the time. */
const EVENT_IN_TIME = new Set(['IS_INCLUDED', 'DURING', 'SIMULTANEOUS']);
/** The same, read from the time's side. */
const TIME_AROUND_EVENT = new Set(['INCLUDES', 'SIMULTANEOUS', 'DURING_INV']);
const CALENDAR = /^\d{4}(?:-\d\d(?:-\d\d)?)?$/;
const QUICK_DOCS = 8;

interface Placed {
  /** Gold calendar date of the event. */
  gold: string;
  /** Where the timeline places its statement, or null when the statement names no date. */
  engine: string | null;
  dct: string;
}

/** The gold calendar date of every event instance a TLINK places in a dated TIMEX3, with its text offset. */
function goldPlacements(doc: TmlDoc): Array<{ at: number; gold: string }> {
  const values = new Map(doc.gold.map((t) => [t.tid ?? '', t.value]));
  values.set('t0', doc.dct.slice(0, 10));
  const eventOf = new Map<string, string>();
  for (const m of doc.xml.matchAll(/<MAKEINSTANCE\b[^>]{0,1000}>/g)) {
    const eiid = /eiid="([^"]*)"/.exec(m[0])?.[1];
    const eid = /eventID="([^"]*)"/.exec(m[0])?.[1];
    if (eiid && eid) eventOf.set(eiid, eid);
  }
  const placed = new Map<string, string>();
  for (const m of doc.xml.matchAll(/<TLINK\b[^>]{0,1000}>/g)) {
    const attr = (name: string) => new RegExp(`${name}="([^"]*)"`).exec(m[0])?.[1];
    const rel = attr('relType') ?? '';
    const eventSide = attr('eventInstanceID') && attr('relatedToTime') && EVENT_IN_TIME.has(rel);
    const timeSide = attr('timeID') && attr('relatedToEventInstance') && TIME_AROUND_EVENT.has(rel);
    if (!eventSide && !timeSide) continue;
    const instance = (eventSide ? attr('eventInstanceID') : attr('relatedToEventInstance')) as string;
    const value = values.get((eventSide ? attr('relatedToTime') : attr('timeID')) as string);
    const eid = eventOf.get(instance);
    if (!eid || !value || !CALENDAR.test(value)) continue;
    // An event placed in two times keeps the more precise one (a day inside its month).
    const seen = placed.get(eid);
    if (!seen || value.length > seen.length) placed.set(eid, value);
  }
  return [...placed].flatMap(([eid, gold]) => {
    const span = doc.events.get(eid);
    return span ? [{ at: span.start, gold }] : [];
  });
}

function place(docs: readonly TmlDoc[]): Placed[] {
  const pipeline = createPipeline(defaultStages());
  const out: Placed[] = [];
  for (const doc of docs) {
    const dct = doc.dct.slice(0, 10);
    const article = pipeline.run({ ...plainArticle(doc.text, 'en', doc.name), published: { date: dct, basis: 'input' } });
    const units = factUnits([article], new Map(), new Map());
    for (const { at, gold } of goldPlacements(doc)) {
      const unit = units.find((u) => u.start <= at && at < u.end);
      const counts = new Map((unit?.dates ?? []).map((d) => [d, 1]));
      out.push({ gold, engine: placedDate(counts) ?? null, dct });
    }
  }
  return out;
}

/** Inside the gold date and at least as precise. */
function right(predicted: string | null, gold: string): boolean {
  return predicted?.startsWith(gold) ?? false;
}

function rows(set: string, placed: readonly Placed[]): Row[] {
  const engineHere = placed.filter((p) => p.engine !== null);
  const share = (list: readonly Placed[], pick: (p: Placed) => string | null) =>
    list.length === 0 ? null : list.filter((p) => right(pick(p), p.gold)).length / list.length;
  return [
    {
      system: `triangulate timeline (${set})`,
      events: placed.length,
      placed: engineHere.length,
      'accuracy where placed': share(engineHere, (p) => p.engine),
      'accuracy, all events': share(placed, (p) => p.engine),
    },
    {
      system: `every event at the creation date (${set})`,
      events: placed.length,
      placed: placed.length,
      'accuracy where placed': share(engineHere, (p) => p.dct),
      'accuracy, all events': share(placed, (p) => p.dct),
    },
  ];
}

export const tempevalTimeline: Evaluator = {
  id: 'tempeval-timeline',
  dataset: 'tempeval3',
  async run(path, { quick }) {
    const test = readFolder(join(path, 'te3-platinum'));
    const result: Row[] = rows('platinum test', place(quick ? test.slice(0, QUICK_DOCS) : test));
    if (!quick)
      result.push(...rows('TBAQ train', place([...readFolder(join(path, 'TBAQ-cleaned', 'TimeBank')), ...readFolder(join(path, 'TBAQ-cleaned', 'AQUAINT'))])));
    return {
      title: 'TempEval-3: timeline placement of events that gold links date',
      note:
        `${quick ? `quick: first ${QUICK_DOCS} of ` : ''}${test.length} platinum test documents${quick ? '' : ' and the 256 TBAQ-cleaned training documents'}. ` +
        `Gold: events a TLINK puts inside a calendar-valued TIMEX3 (IS_INCLUDED, DURING, SIMULTANEOUS; INCLUDES from the time's side), the ` +
        `document creation time included. The engine places the fact unit holding the event at the date its own text resolves to ` +
        `(compare/timeline.ts), or not at all; right = inside the gold date and at least as precise. 'accuracy where placed' scores both ` +
        `systems on the events the engine places; 'accuracy, all events' counts an unplaced event as wrong. Nothing was tuned on either set.`,
      columns: ['events', 'placed', 'accuracy where placed', 'accuracy, all events'],
      rows: result,
      targets: ['where the timeline places a statement it is right more often than the creation-date baseline on the same events'],
    };
  },
};
