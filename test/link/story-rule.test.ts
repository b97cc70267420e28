import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linkArticles } from '../../src/link/stories.js';
import type { Article } from '../../src/model/article.js';
import type { Story } from '../../src/model/story.js';
import { defaultStages } from '../../src/pipeline/registry.js';
import { createPipeline } from '../../src/pipeline/runner.js';
import { article } from './fixtures.js';

/**
 * The story rule on annotated articles (entity types, dates, quantities as `ingest` produces them): a story needs
 * shared participants and shared content. Every text is fictional: Tessaly Motors, Brask Autoworks, the town of
 * Varnholm and every person are invented for these tests.
 */

const pipeline = createPipeline(defaultStages(['sentences', 'times', 'entities', 'quantities']));

function annotated(text: string, meta: { title: string; outlet: string; published: string }): Article {
  return pipeline.run(article(text, meta));
}

/** Tessaly Motors announces a bus factory in Varnholm (April). */
const ANNOUNCED = [
  annotated(
    'Tessaly Motors said on Wednesday it will build a $900 million electric bus factory in Varnholm, on the northern coast of Ostmark. Chief executive Edda Marrow said the plant would employ 800 workers and assemble its first buses in 2027. Governor Piet Kalvane called the investment the largest in the region for a decade. The company still needs a permit for the harbour site, Marrow said.',
    { title: 'Tessaly Motors picks Varnholm for $900 million electric bus factory', outlet: 'Ostmark Wire', published: '2025-04-02' },
  ),
  annotated(
    'Edda Marrow, the chief executive of Tessaly Motors, chose Varnholm for the company’s new electric bus factory, a $900 million project that promises 800 jobs. Governor Piet Kalvane said the regional government would speed up the harbour permit. Tessaly Motors plans to build its first buses in Varnholm in 2027.',
    { title: 'Varnholm wins Tessaly bus plant', outlet: 'Coastal Herald', published: '2025-04-03' },
  ),
  annotated(
    'Unions in Varnholm welcomed the electric bus factory announced by Tessaly Motors but asked for written guarantees on the 800 jobs. Edda Marrow met union leaders on Thursday, according to Governor Piet Kalvane, who said the $900 million plant would need a new road to the harbour.',
    { title: 'Unions want guarantees on Tessaly jobs', outlet: 'Northern Voice', published: '2025-04-04' },
  ),
];

/** The same company and town six months later: the permit comes through and the plant shrinks. */
const SIX_MONTHS_LATER = [
  annotated(
    'Tessaly Motors received the harbour permit for its Varnholm electric bus factory on Tuesday, but chief executive Edda Marrow said the first phase would employ 450 workers instead of 800. Governor Piet Kalvane said he regretted the smaller plant. Marrow blamed higher battery prices for the change.',
    { title: 'Tessaly trims Varnholm bus plant as permit arrives', outlet: 'Ostmark Wire', published: '2025-10-14' },
  ),
  annotated(
    'The electric bus factory Tessaly Motors promised Varnholm in April will open smaller than planned. Edda Marrow told reporters that 450 jobs would come first, and Governor Piet Kalvane said the regional government would hold Tessaly Motors to the full 800 later.',
    { title: 'Tessaly Motors scales back Varnholm factory', outlet: 'Coastal Herald', published: '2025-10-15' },
  ),
];

/** Another company's bus factory, announced the same day with the same job count and the same topic words. */
const LOOK_ALIKE = annotated(
  'Brask Autoworks said on Wednesday it will build a $900 million electric bus factory in Tarnów Wielki, in southern Pelavia. Chief executive Jonas Feldreich said the plant would employ 800 workers and assemble its first buses in 2027. Economy minister Halina Oster said the investment was the largest in the province for a decade.',
  { title: 'Brask Autoworks to build $900 million electric bus factory in Pelavia', outlet: 'Pelavia Business Daily', published: '2025-04-02' },
);

/** A travel page about the same town: it shares the place, and nothing that happened there. */
const TRAVEL = annotated(
  'Varnholm is a fishing town of painted houses on the northern coast of Ostmark, two hours from the capital by train. Walk the harbour at dawn when the boats come in, then climb to the lighthouse for the view over the bay. The smoked herring at the market hall is the best on the coast, and the summer festival fills the old town with music.',
  { title: 'Three days in Varnholm, where the herring boats still come in', outlet: 'Wanderlust Weekly', published: '2025-07-12' },
);

function storyOf(stories: readonly Story[], a: Article): Story {
  const found = stories.find((s) => s.articleIds.includes(a.id));
  assert.ok(found, `article "${a.title}" is in no story`);
  return found;
}

test('a page that shares only the town does not join the story', () => {
  const { stories } = linkArticles([...ANNOUNCED, ...SIX_MONTHS_LATER, TRAVEL]);
  const plant = storyOf(stories, ANNOUNCED[0] as Article);
  assert.notEqual(storyOf(stories, TRAVEL).id, plant.id);
  for (const a of [...ANNOUNCED, ...SIX_MONTHS_LATER]) assert.equal(storyOf(stories, a).id, plant.id, `"${a.title}" left the story`);
});

test('another company with the same topic words, day and job count is another story', () => {
  const { stories } = linkArticles([...ANNOUNCED, LOOK_ALIKE]);
  const plant = storyOf(stories, ANNOUNCED[0] as Article);
  assert.notEqual(storyOf(stories, LOOK_ALIKE).id, plant.id);
  for (const a of ANNOUNCED) assert.equal(storyOf(stories, a).id, plant.id, `"${a.title}" left the story`);
});

test('the same company months later joins the story, as a second event', () => {
  const { stories } = linkArticles([...ANNOUNCED, ...SIX_MONTHS_LATER, LOOK_ALIKE, TRAVEL]);
  const plant = storyOf(stories, ANNOUNCED[0] as Article);
  assert.deepEqual([...plant.articleIds].sort(), [...ANNOUNCED, ...SIX_MONTHS_LATER].map((a) => a.id).sort());
  const eventOf = (a: Article) => plant.events.find((e) => e.articleIds.includes(a.id))?.id;
  const spring = eventOf(ANNOUNCED[0] as Article);
  const autumn = eventOf(SIX_MONTHS_LATER[0] as Article);
  assert.ok(spring && autumn);
  assert.notEqual(spring, autumn);
  for (const a of ANNOUNCED) assert.equal(eventOf(a), spring);
  for (const a of SIX_MONTHS_LATER) assert.equal(eventOf(a), autumn);
});
