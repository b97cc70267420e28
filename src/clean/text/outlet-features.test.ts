import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cleanPastedText } from './clean-text.js';
import { OUTLET_FEATURES, type OutletCandidate, outletCandidates } from './outlet-features.js';
import { headerOutlet } from './page-meta.js';

/** The candidates of an invented pasted page, by key. */
function candidates(lines: string[]): Map<string, OutletCandidate> {
  const cleaned = cleanPastedText(lines.join('\n'));
  return new Map(outletCandidates(cleaned.lines, cleaned.labels, headerOutlet(cleaned.metaLines)).map((c) => [c.key, c]));
}

function feature(c: OutletCandidate | undefined, name: (typeof OUTLET_FEATURES)[number]): number {
  assert.ok(c, 'candidate missing');
  return c.features[OUTLET_FEATURES.indexOf(name)] as number;
}

const PROSE = [
  'The harbour council voted on Tuesday to approve a new ferry timetable that adds two early crossings on weekdays and drops the last boat on Sundays.',
  'Councillors said the change follows a survey of commuters who asked for earlier boats, and that the cost will be met from the existing transport budget.',
];

test('an e-mail address in a prose line makes its domain a candidate', () => {
  const found = candidates(['Home', 'News', '', ...PROSE, '', 'Tips and corrections can be sent to the newsroom at desk@harbourgazette.com or by post.']);
  const domain = found.get('harbourgazette');
  assert.equal(feature(domain, 'email domain'), 1);
  assert.ok(feature(domain, 'addresses in prose') > 0);
  assert.equal(feature(domain, 'is a domain'), 1);
});

test('a platform address in prose is never a candidate', () => {
  const found = candidates([
    'Home',
    '',
    ...PROSE,
    '',
    'Watch the full council meeting on https://www.youtube.com/watch?v=abc and share your views with the harbour office.',
  ]);
  assert.equal(found.has('youtube'), false);
});

test('"told X" is a source speaking to X, not an attribution; a name only in a photo credit is no candidate', () => {
  const found = candidates([
    'Valley Ledger',
    'Home',
    '',
    ...PROSE,
    '',
    'The ferry operator told Valley Ledger that two boats will be refitted before the winter timetable starts next month.',
    '',
    ...PROSE,
    '',
    'Photo: Coastline Courier',
  ]);
  const ledger = found.get('valleyledger');
  assert.equal(feature(ledger, 'spoken to'), Math.log1p(1));
  assert.equal(feature(ledger, 'credit or attribution context'), 0);
  // A name met only in a credit is not a candidate at all.
  assert.equal(found.has('coastlinecourier'), false);
});

test('"editor at X" and "a reporter for the X" are staff phrases', () => {
  const found = candidates([
    'Home',
    '',
    ...PROSE,
    '',
    'Ana Ruiz is a senior editor at Valley Ledger.',
    'Tom Berg is a reporter for the Valley Ledger and covers the harbour.',
    'Coastline Courier',
  ]);
  assert.equal(feature(found.get('valleyledger'), 'staff phrase'), Math.log1p(2));
  assert.equal(feature(found.get('coastlinecourier'), 'staff phrase'), 0);
});

test('a social handle, not an e-mail address, agrees with the name it spells', () => {
  const found = candidates([
    'Harbour Gazette',
    'Home',
    '',
    ...PROSE,
    '',
    'Follow us @HarbourGazette for updates',
    'Write to tips@valleyledger.com with news of the ferry.',
    'Valley Ledger',
  ]);
  assert.equal(feature(found.get('harbourgazette'), 'social handle'), Math.log1p(1));
  // "tips@valleyledger.com" is an address, not a handle.
  assert.equal(feature(found.get('valleyledger'), 'social handle'), 0);
});

test('a domain on the page that holds a name, and the name that holds a domain, are told apart from an equal one', () => {
  const found = candidates(['Katapult', 'Home', '', ...PROSE, '', 'Visit www.katapult-review.com for more', 'Katapult']);
  assert.equal(feature(found.get('katapult'), 'a domain holds it'), 1);
  assert.equal(feature(found.get('katapult'), 'domain agrees'), 0);
  const other = candidates(['Orbit Daily Review', 'Home', '', ...PROSE, '', 'Visit www.orbitdaily.com for more', 'Orbit Daily Review']);
  assert.equal(feature(other.get('orbitdailyreview'), 'it holds a domain'), 1);
  assert.equal(feature(other.get('orbitdailyreview'), 'a domain holds it'), 0);
});

test('the domain a page writes most agrees with its own name; a domain written once does not count', () => {
  const lines = ['Harbour Gazette', 'Home', '', ...PROSE, '', 'https://www.harbourgazette.com/news', 'https://www.harbourgazette.com/sport'];
  const found = candidates([...lines, 'Read more at https://valleyledger.com/ferry', 'Harbour Gazette', 'Valley Ledger']);
  assert.equal(feature(found.get('harbourgazette'), 'the most written domain'), 1);
  assert.equal(feature(found.get('valleyledger'), 'the most written domain'), 0);
  const once = candidates(['Harbour Gazette', 'Home', '', ...PROSE, '', 'https://www.harbourgazette.com/news', 'Harbour Gazette']);
  assert.equal(feature(once.get('harbourgazette'), 'the most written domain'), 0);
});

test('a name on the line above the headline is next to it; a footer name is not', () => {
  const cleaned = cleanPastedText(
    [
      'Home',
      'Sport',
      'Weather',
      'Opinion',
      'Travel',
      'Valley Ledger',
      'Council approves a new ferry timetable for the winter months',
      '',
      ...PROSE,
      '',
      'Terms',
      'Privacy',
      'Contact',
      'Coastline Courier',
    ].join('\n'),
  );
  const byKey = new Map(outletCandidates(cleaned.lines, cleaned.labels, null).map((c) => [c.key, c]));
  assert.ok(cleaned.headline, 'the test page needs a headline');
  assert.equal(feature(byKey.get('valleyledger'), 'next to the headline'), 1);
  assert.equal(feature(byKey.get('coastlinecourier'), 'next to the headline'), 0);
});

test('a press word beside another word marks a name; alone it is a menu word; cues are compared across the page', () => {
  const found = candidates(['Valley Gazette', 'Home', 'Sport', '', ...PROSE, '', '© 2026 Valley Gazette', 'Sport']);
  assert.equal(feature(found.get('valleygazette'), 'press word'), 1);
  assert.equal(feature(found.get('sport'), 'press word'), 0);
  assert.equal(feature(found.get('valleygazette'), 'most cues on the page'), 1);
  assert.equal(feature(found.get('sport'), 'most cues on the page'), 0);
  assert.ok(feature(found.get('sport'), 'candidates on the page') > 0);
});
