import type { Evaluator } from '../harness.js';
import { adjudicatedEvaluator } from './adjudicated.js';
import { chardetEval } from './chardet.js';
import { claimsEcbplusEvaluator } from './claims-ecbplus.js';
import { conflictsEcbplusEvaluator } from './conflicts-ecbplus.js';
import { conll, conll2002 } from './conll.js';
import { ecbplusEvaluator } from './ecbplus.js';
import { ecbplusEntities } from './ecbplus-entities.js';
import { extractionScrapinghub, extractionTrafilatura } from './extraction.js';
import { factsEval } from './facts.js';
import { ftfyEval } from './ftfy.js';
import { htmldateEval } from './htmldate.js';
import { linesEvaluator } from './lines.js';
import { neardupEvaluator } from './neardup.js';
import { cleanBodiesEval, pastedPagesEval } from './pasted-pages.js';
import { polnear } from './polnear.js';
import { quotePairsEvaluator } from './quote-pairs.js';
import { sampleStoriesEvaluator } from './sample-stories.js';
import { sentencesEval } from './sentences.js';
import { tempeval } from './tempeval.js';
import { tempevalTimeline } from './tempeval-timeline.js';

/** Every evaluator, in the order `npm run eval` prints them. Add new data sets here. */
export const evaluators: Evaluator[] = [
  extractionScrapinghub,
  extractionTrafilatura,
  htmldateEval,
  pastedPagesEval,
  cleanBodiesEval,
  linesEvaluator,
  ftfyEval,
  chardetEval,
  conll,
  conll2002,
  ecbplusEntities,
  polnear,
  tempeval,
  tempevalTimeline,
  sentencesEval,
  factsEval,
  neardupEvaluator,
  ecbplusEvaluator,
  claimsEcbplusEvaluator,
  conflictsEcbplusEvaluator,
  adjudicatedEvaluator,
  sampleStoriesEvaluator,
  quotePairsEvaluator,
];
