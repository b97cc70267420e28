import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeDocument } from '../ingest/records.js';
import { articleAnchors } from '../link/anchors.js';
import type { Article } from '../model/article.js';
import { cleanDocument } from './index.js';

// Invented pages: dates estimated from the text itself, and the dates that must never date an article.

const LEAD = 'PORTVILLE — Mayor Ana Ruiz is flying to the capital on Tuesday for talks with ministers on the ferry subsidy and the pier.';
const MORE = 'The council has asked for the subsidy for three years, and the mayor said she expected an answer before the summer recess.';

function clean(raw: string): Article {
  return cleanDocument(makeDocument({ kind: 'text', path: 'page.txt' }, 'text', raw));
}

test("the lead's weekday agrees with a full date written in the article (here a caption): that day, basis inferred, with its span", () => {
  const caption = 'Mayor Ana Ruiz leaves the town hall, March 2, 2026. She flies to the capital on Tuesday, March 10, 2026, for talks. (';
  const a = clean(`Mayor flies to the capital for ferry talks\n\n${caption}\n\n${LEAD}\n\n${MORE}\n`);
  assert.equal(a.published.date, '2026-03-10');
  assert.equal(a.published.basis, 'inferred');
  const place = a.published.place;
  assert.ok(place);
  assert.equal(a.text.slice(place.start, place.end), 'Tuesday');
});

test('a full date written with its weekday in the lead dates the article; a wrong weekday does not', () => {
  const right = clean(
    `Mayor flies to the capital for ferry talks\n\nOn Tuesday, March 10, 2026, Mayor Ana Ruiz flew to the capital for talks with ministers on the ferry.\n\n${MORE}\n`,
  );
  assert.deepEqual([right.published.date, right.published.basis], ['2026-03-10', 'inferred']);
  const wrong = clean(
    `Mayor flies to the capital for ferry talks\n\nOn Friday, March 10, 2026, Mayor Ana Ruiz flew to the capital for talks with ministers on the ferry.\n\n${MORE}\n`,
  );
  assert.equal(wrong.published.date, null);
});

test('a lead naming its day of the month is dated only by a full date of that day, not by history of the same weekday', () => {
  const lead = 'Troops on Tuesday (6 January) shelled a school in Portville where families had taken shelter, officials said.';
  const history = 'The truce between the two sides broke down on 4 November 2008, when a raid on the border left six dead.';
  assert.equal(clean(`School shelled in Portville\n\n${lead}\n\n${MORE}\n\n${history}\n`).published.date, null);
  const dated = 'The shelling on 6 January 2009 was the deadliest day for the town since the truce.';
  assert.equal(clean(`School shelled in Portville\n\n${lead}\n\n${MORE}\n\n${history}\n\n${dated}\n`).published.date, '2009-01-06');
});

test("a caption's date about another day and a copyright year date nothing", () => {
  const a = clean(
    `Mayor flies to the capital for ferry talks\n\nMayor Ana Ruiz at the pier, Aug. 8, 2025. (\n\n${LEAD}\n\n${MORE}\n\n© 2026 Harbour Gazette\n`,
  );
  assert.equal(a.published.date, null);
  assert.equal(a.published.basis, 'unknown');
});

test("an embedded post keeps its own date and dates neither the article nor the article's events", () => {
  const a = clean(
    `Mayor flies to the capital for ferry talks\n\n${MORE}\n\nThe ferry subsidy is overdue #Portville\n— Harbour Watch (@harbourwatch) February 17, 2025\n\n${MORE.replace('three', 'four')}\n`,
  );
  const post = a.embeds.find((e) => e.kind === 'social-post');
  assert.equal(post?.date, '2025-02-17');
  assert.equal(a.published.date, null);
  assert.equal(articleAnchors(a).when, null);
});
