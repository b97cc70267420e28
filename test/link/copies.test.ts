import assert from 'node:assert/strict';
import { test } from 'node:test';
import { containment, copyPrint, DUPLICATE_CONTAINMENT } from '../../src/link/copies.js';
import { creditedOrigin } from '../../src/link/credits.js';
import { Linker } from '../../src/link/linker.js';
import { linkArticles } from '../../src/link/stories.js';
import { article, VISIT } from './fixtures.js';

const BODY = [
  'PUERTO SABAL — Foreign Minister Idris Kallweit of Nordavia arrived in Puerto Sabal on Wednesday for talks with President Maren Solvik on border security, smuggling on the Tavra river and the future of 1,200 border guards.',
  'The visit is the first by a Nordavian foreign minister in nine years. Officials on both sides said a memorandum was more likely than the full pact Kallweit had announced in May.',
  'Solvik has faced pressure at home to resist what her critics call Nordavian meddling, while Kallweit must show lawmakers in Velholm that the trip produced results.',
  'The two leaders were expected to hold a joint news conference at the Granite Palace before Kallweit flies on to Porto Lume.',
].join('\n\n');

const CHROME_TOP = 'Skip to content\nSubscribe now | Log in\nWorld · Politics · Business · Sport\nLISTEN 0:00\n';
const CHROME_BOTTOM = '\nShare this article\nMost read\nWeather in Velholm: rain expected\n© 2025 Some Outlet. All rights reserved.';

test('a copy with new page chrome, a trimmed ending and a typo is a duplicate', () => {
  const original = copyPrint(BODY);
  const paragraphs = BODY.split('\n\n');
  const edited = `${CHROME_TOP}${paragraphs.slice(0, 3).join('\n\n').replace('smuggling', 'smugling')}${CHROME_BOTTOM}`;
  assert.ok(containment(original, copyPrint(edited)) >= DUPLICATE_CONTAINMENT);
  const reordered = [paragraphs[2], paragraphs[0], paragraphs[3], paragraphs[1]].join('\n\n');
  assert.ok(containment(original, copyPrint(reordered)) >= DUPLICATE_CONTAINMENT);
});

test('two independent reports of one event are not copies', () => {
  const [a, b] = [VISIT[0], VISIT[1]].map((x) => copyPrint(x?.text ?? ''));
  assert.ok(containment(a as ReturnType<typeof copyPrint>, b as ReturnType<typeof copyPrint>) < DUPLICATE_CONTAINMENT);
});

test('the linker marks the later copy as duplicate of the earlier one and counts one source', () => {
  const first = article(BODY, { title: 'Kallweit arrives in Puerto Sabal', outlet: 'Velholm Courier', published: '2025-09-03' });
  const copy = article(`${CHROME_TOP}${BODY}${CHROME_BOTTOM}`, { title: 'Kallweit arrives in Puerto Sabal', outlet: 'Coastal Daily', published: '2025-09-04' });
  const { stories, duplicates } = linkArticles([copy, first, ...VISIT]);
  assert.equal(duplicates.get(copy.id), first.id);
  assert.equal(duplicates.has(first.id), false);
  const story = stories.find((s) => s.articleIds.includes(first.id));
  assert.ok(story?.articleIds.includes(copy.id));
  const sourceOf = (id: string) => story?.sources.find((s) => s.articleIds.includes(id))?.name;
  assert.equal(sourceOf(copy.id), sourceOf(first.id));
});

test('the same text under two names is one article: the second add is a no-op', () => {
  const a = article(BODY, { path: 'saved/one.txt' });
  const b = article(BODY, { path: 'other/two.txt' });
  assert.equal(a.id, b.id);
  const { stories } = linkArticles([a, b]);
  assert.deepEqual(
    stories.flatMap((s) => s.articleIds),
    [a.id],
  );
});

test('wire bylines and lead credits name the wire; an outlet copy of wire copy joins the wire source', () => {
  const ap = article(`PUERTO SABAL (AP) — ${BODY.slice(15)}`, { outlet: 'Coastal Daily', published: '2025-09-03' });
  assert.equal(creditedOrigin(ap), 'Associated Press');
  const afp = article('Nordavia’s foreign minister will travel to Estrelia in the coming weeks to sign a border pact, AFP reported.', {});
  assert.equal(creditedOrigin(afp), 'AFP');
  const plain = article('The minister said on Tuesday, according to officials. (Photo) — the palace.', {});
  assert.equal(creditedOrigin(plain), null);
  const other = article(`PUERTO SABAL (The Associated Press) — ${VISIT[1]?.text ?? ''}`, { outlet: 'Harbor Times', published: '2025-09-03' });
  const { stories } = linkArticles([ap, other, ...VISIT]);
  const story = stories.find((s) => s.articleIds.includes(ap.id));
  const wire = story?.sources.find((s) => s.name === 'Associated Press');
  // VISIT[1] carries the same text as the credited copy, so it is the same (wire) source too.
  assert.deepEqual([...(wire?.articleIds ?? [])].sort(), [ap.id, other.id, VISIT[1]?.id].sort());
  assert.equal(story?.sources.find((s) => s.articleIds.includes(VISIT[0]?.id ?? ''))?.name, 'Velholm Courier');
});

test('removing the original of a copy keeps the copy in the story, now canonical', () => {
  const first = article(BODY, { title: 'Kallweit arrives in Puerto Sabal', outlet: 'Velholm Courier', published: '2025-09-03' });
  const copy = article(`${CHROME_TOP}${BODY}${CHROME_BOTTOM}`, { title: 'Kallweit arrives in Puerto Sabal', outlet: 'Coastal Daily', published: '2025-09-04' });
  const linker = new Linker();
  for (const a of [first, copy, ...VISIT]) linker.add(a);
  linker.remove(first.id);
  assert.equal(linker.duplicates().size, 0);
  const story = linker.stories().find((s) => s.articleIds.includes(copy.id));
  assert.ok(story);
  assert.ok(VISIT.every((v) => story.articleIds.includes(v.id)));
  assert.deepEqual(story.articleIds.includes(first.id), false);
});
