import type { Article } from '../../src/model/article.js';
import { plainArticle } from '../plain-article.js';

/** A minimal cleaned article around a text written for the tests (fictional people and places). */
export function article(text: string, meta: { title?: string; outlet?: string; published?: string; language?: string; path?: string } = {}): Article {
  return {
    ...plainArticle(text, meta.language ?? 'en', meta.path ?? 'test.txt'),
    title: meta.title ?? null,
    outlet: meta.outlet ?? null,
    published: meta.published ? { date: meta.published, basis: 'input' } : { date: null, basis: 'unknown' },
  };
}

/** A fictional bilateral story in two events (an announcement in May, the visit in September) and an unrelated flood. */
export const ANNOUNCEMENT = [
  article(
    'Foreign Minister Idris Kallweit of Nordavia said on Monday he will travel to Estrelia in the coming months to negotiate a border security pact with President Maren Solvik. Kallweit told reporters in Velholm that the pact would cover smuggling on the Tavra river and 1,200 border guards. Solvik welcomed the plan.',
    { title: 'Kallweit plans Estrelia trip to seek border pact with Solvik', outlet: 'Velholm Courier', published: '2025-05-12' },
  ),
  article(
    'Nordavian Foreign Minister Idris Kallweit announced plans to visit Estrelia, where he hopes to sign a border security pact with President Maren Solvik. The minister said 1,200 border guards and patrols on the Tavra river were on the table. Estrelian officials said Solvik would receive him in Puerto Sabal.',
    { title: 'Kallweit announces visit to Estrelia', outlet: 'Northern Ledger', published: '2025-05-13' },
  ),
  article(
    'Idris Kallweit, Nordavia’s top diplomat, intends to travel to Estrelia later this year. In remarks to lawmakers on Monday, Kallweit said a border pact with President Maren Solvik could place 1,200 guards along the Tavra river. Critics in Velholm called the plan vague.',
    { title: 'Nordavia’s Kallweit to visit Estrelia for border talks', outlet: 'Harbor Times', published: '2025-05-12' },
  ),
];

export const VISIT = [
  article(
    'Foreign Minister Idris Kallweit arrived in Puerto Sabal on Wednesday and met President Maren Solvik at the Granite Palace. The two signed a memorandum on border security instead of the full pact, agreeing to joint patrols on the Tavra river. Kallweit called the meeting frank; Solvik said the memorandum was a first step.',
    { title: 'Kallweit and Solvik sign border memorandum in Puerto Sabal', outlet: 'Velholm Courier', published: '2025-09-03' },
  ),
  article(
    'In Puerto Sabal, Nordavia’s Idris Kallweit and Estrelia’s President Maren Solvik settled for a memorandum on Wednesday. The document, signed at the Granite Palace, sets up joint patrols on the Tavra river but drops the 1,200-guard deployment. Kallweit flew on to Porto Lume after the meeting.',
    { title: 'Border pact scaled back to memorandum as Kallweit meets Solvik', outlet: 'Northern Ledger', published: '2025-09-03' },
  ),
  article(
    'Idris Kallweit met Maren Solvik at the Granite Palace in Puerto Sabal, where the ministers signed a memorandum on joint patrols of the Tavra river. Officials said the fuller pact discussed in May was shelved. Solvik thanked Kallweit for the visit.',
    { title: 'Kallweit visit ends with memorandum', outlet: 'Harbor Times', published: '2025-09-04' },
  ),
];

export const SPANISH_VISIT = article(
  'El canciller de Nordavia, Idris Kallweit, llegó el miércoles a Puerto Sabal y se reunió con la presidenta Maren Solvik en el Palacio de Granito. Ambos firmaron un memorando sobre patrullas conjuntas en el río Tavra, en lugar del pacto completo. Kallweit dijo que la reunión fue franca.',
  { title: 'Kallweit y Solvik firman un memorando en Puerto Sabal', outlet: 'Diario del Sur', published: '2025-09-03', language: 'es' },
);

export const FLOOD = [
  article(
    'Floodwaters from the Marrow river forced 3,400 residents of Brindlecombe to leave their homes on Saturday, the county emergency office said. Rescue crews used boats to reach farms east of the town. Mayor Oswin Tarrant said the levee had failed near the old mill.',
    { title: 'Marrow river flood forces 3,400 from Brindlecombe homes', outlet: 'Valley Post', published: '2025-06-21' },
  ),
  article(
    'Mayor Oswin Tarrant said 3,400 people were evacuated after the Marrow river broke through a levee near Brindlecombe’s old mill. Boats carried rescue crews to flooded farms, and the county emergency office opened two shelters.',
    { title: 'Brindlecombe evacuated as Marrow levee fails', outlet: 'County Herald', published: '2025-06-21' },
  ),
];
