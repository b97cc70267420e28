import assert from 'node:assert/strict';
import { test } from 'node:test';
import { plainArticle } from '../../../test/plain-article.js';
import type { QuoteMention } from '../../model/annotations.js';
import { runStage } from '../../pipeline/runner.js';
import { findQuotedSpans } from './marks.js';
import { quotes } from './quotes.js';

// Fictional texts written for these tests.
function quotesOf(text: string, language = 'en'): QuoteMention[] {
  return runStage(quotes(), plainArticle(text, language)).layers.quotes ?? [];
}

function direct(text: string): QuoteMention[] {
  return quotesOf(text).filter((q) => q.kind === 'direct');
}

test('curly quote with the speaker after it, and a pronoun resolved to the last named person', () => {
  const qs = direct(
    'Mayor Elena Vargas opened the bridge on Monday.\n“We kept our word,” Vargas said. “The river is ours again.”\n“It took nine years,” she told reporters.',
  );
  assert.deepEqual(
    qs.map((q) => [q.text, q.speaker]),
    [
      ['We kept our word,', 'Elena Vargas'],
      ['The river is ours again.', 'Elena Vargas'],
      ['It took nine years,', 'Elena Vargas'],
    ],
  );
  assert.equal(qs[2]?.venue, 'reporters');
});

test('straight quotes, inverted verb and a title resolved to the person who holds it', () => {
  const qs = direct('Finance Minister Tomas Berg spoke in Lund.\n"The budget is balanced," said the minister.');
  assert.equal(qs[0]?.text, 'The budget is balanced,');
  assert.equal(qs[0]?.speaker, 'Tomas Berg');
});

test('colon form, bullet quote and guillemets', () => {
  const qs = direct('- Governor Ana Ruiz warned: “The storm is not over.”\nPedro Lima: «Vamos a reconstruir todo».');
  assert.deepEqual(
    qs.map((q) => [q.text, q.speaker, q.cue?.text]),
    [
      ['The storm is not over.', 'Ana Ruiz', 'warned'],
      ['Vamos a reconstruir todo', 'Pedro Lima', ':'],
    ],
  );
});

test('a quote spanning paragraphs continues with its speaker; a quote-only paragraph keeps the previous speaker', () => {
  const text = 'Coach Mara Olsen said:\n“We trained all winter.\n“Nobody believed in us.”\nThe team won on Sunday.';
  const qs = direct(text);
  assert.deepEqual(
    qs.map((q) => [q.text, q.speaker]),
    [
      ['We trained all winter.', 'Mara Olsen'],
      ['Nobody believed in us.', 'Mara Olsen'],
    ],
  );
});

test('a partial quote inside a paraphrase gives the paraphrase and the quoted words the same speaker', () => {
  const qs = quotesOf('Senator Lia Moreno said the plan would bring “real relief” to farmers.');
  const reported = qs.find((q) => q.kind === 'reported');
  const partial = qs.find((q) => q.kind === 'direct');
  assert.equal(reported?.text, 'the plan would bring “real relief” to farmers');
  assert.equal(partial?.text, 'real relief');
  assert.equal(partial?.speaker, 'Lia Moreno');
});

test('nested single quotes stay inside the outer quote', () => {
  const qs = direct('“He told me ‘wait here’ and left,” said Jon Pike.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]?.text, 'He told me ‘wait here’ and left,');
  assert.equal(qs[0]?.speaker, 'Jon Pike');
});

test('an unclosed quote ends with its paragraph and does not swallow the article', () => {
  const article = runStage(quotes(), plainArticle('Nora Diaz said: “We will not move\nThe council meets again in May.\nOfficials said the road stays closed.'));
  const qs = article.layers.quotes ?? [];
  const open = qs.find((q) => q.kind === 'direct');
  assert.equal(open?.text, 'We will not move');
  assert.ok(article.messages.some((m) => m.ruleId === 'quotes:unclosed'));
  assert.ok(qs.some((q) => q.kind === 'reported' && q.text === 'the road stays closed'));
});

test('reported speech in English and Spanish: said that, according to, dijo que, según', () => {
  const en = quotesOf('Police chief Omar Reyes said that the suspects had fled north.\nThe fire started in the kitchen, according to the fire department.');
  assert.deepEqual(
    en.map((q) => [q.kind, q.text, q.speaker]),
    [
      ['reported', 'the suspects had fled north', 'Omar Reyes'],
      ['reported', 'The fire started in the kitchen', 'the fire department'],
    ],
  );
  const es = quotesOf('La ministra Carla Soto dijo que el puerto abrirá el lunes.\nSegún la empresa, los barcos esperan en la bahía.', 'es');
  assert.deepEqual(
    es.map((q) => [q.text, q.speaker]),
    [
      ['el puerto abrirá el lunes', 'Carla Soto'],
      ['los barcos esperan en la bahía', 'la empresa'],
    ],
  );
});

test('a pronoun with no person before it stays without a speaker (never guessed)', () => {
  const qs = direct('“The tide is rising,” he said.');
  assert.equal(qs[0]?.speaker, null);
});

test('venue: told a committee, on social media', () => {
  const qs = quotesOf('Ruth Adler told the Senate Budget Committee that the fund was empty.\nIan Cole wrote on social media that “the vote is rigged.”');
  assert.equal(qs.find((q) => q.speaker === 'Ruth Adler')?.venue, 'the Senate Budget Committee');
  assert.equal(qs.find((q) => q.speaker === 'Ian Cole')?.venue, 'on social media');
});

test('the entities layer, when present, names the speaker', () => {
  const base = plainArticle('“We are ready,” the coach said.');
  const start = base.text.indexOf('the coach');
  const withEntities = {
    ...base,
    layers: { ...base.layers, entities: [{ start, end: start + 9, type: 'person' as const, text: 'the coach', canonical: 'Kim Hale', via: 'title' as const }] },
  };
  const qs = runStage(quotes(), withEntities).layers.quotes ?? [];
  assert.equal(qs[0]?.speaker, 'Kim Hale');
});

test('hostile input: a 1 MB line of quote marks and apostrophes is scanned in linear time', () => {
  const line = '“"\'‘’”«»'.repeat(131_072);
  const started = performance.now();
  const spans = findQuotedSpans(line, [{ start: 0, end: line.length }]);
  assert.ok(performance.now() - started < 5000); // linear: about 1 s here; a quadratic scan would take minutes
  assert.ok(spans.every((s) => s.start >= 0 && s.end <= line.length));
});

test('a time phrase between a speaker and the verb is never the speaker', () => {
  const qs = quotesOf('Governor Lena Okafor earlier this month said the new levy was a fair deal for farmers.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]?.speaker, 'Lena Okafor');
  const only = quotesOf('Last week said the bridge would reopen soon for everyone in town.');
  assert.ok(only.every((q) => q.speaker === null || !/week/i.test(q.speaker)));
});

test('a place after "in" is not a speaker through an appositive-looking clause', () => {
  const qs = quotesOf('While the storm hit hard in Northvale, the town council kept meeting, insisting that repairs come first.');
  assert.ok(
    qs.every((q) => q.speaker !== 'Northvale'),
    JSON.stringify(qs.map((q) => q.speaker)),
  );
});

test('a document is not a speaker: "Reports indicate" stays unattributed, "the agency\'s report" names the agency', () => {
  const bare = quotesOf('Reports indicate that the dam will be closed for repairs until spring.');
  assert.equal(bare.length, 1);
  assert.equal(bare[0]?.speaker, null);
  const issued = quotesOf('The Water Agency’s report said that the dam will be closed for repairs until spring.');
  assert.match(issued[0]?.speaker ?? '', /Water Agency$/);
});

test('only agents speak: a thing before a speech verb leaves the words unattributed, people and bodies keep them', () => {
  const thing = quotesOf('The new tariff said to farmers that the harvest would be sold abroad this year.');
  assert.ok(
    thing.every((q) => q.speaker === null),
    JSON.stringify(thing.map((q) => q.speaker)),
  );
  const people = quotesOf('Dock workers said that the cranes had stopped twice during the night shift.');
  assert.equal(people[0]?.speaker, 'Dock workers');
});

test('a subject that cannot speak before a verb that also means "indicates" reports no one', () => {
  const qs = quotesOf(
    "Minister Dana Holloway announced the port deal on Monday.\nThe timing of Holloway's announcement suggests efforts to close the talks before the election.",
  );
  assert.equal(
    qs.some((q) => q.text.includes('efforts to close')),
    false,
  );
  assert.equal(
    qs.some((q) => q.speaker?.startsWith('The timing')),
    false,
  );
});

test('a phrase headed by people or a body speaks; a partitive gives way to what it counts', () => {
  const [officials] = quotesOf('Officials of the harbour authority said the pier would reopen next week.');
  assert.equal(officials?.speaker, 'Officials of the harbour authority');
  assert.equal(officials?.text, 'the pier would reopen next week');
  const [witnesses] = quotesOf('One of the witnesses said the cables had snapped twice in the storm.');
  assert.equal(witnesses?.speaker, 'One of the witnesses');
  const [share] = quotesOf('A Lund survey found 63 percent said the ferry fares were too high for families.');
  assert.notEqual(share?.speaker, null);
});

test("someone's remarks are theirs; words after a speech verb with a thing as its subject stay unattributed", () => {
  const remarks = quotesOf("Senator Ivo Brandt visited Lund on Friday.\nBrandt's remarks indicate that the budget will be cut next year.").find((q) =>
    q.text.includes('budget'),
  );
  assert.equal(remarks?.speaker, 'Ivo Brandt');
  assert.equal(remarks?.text, 'the budget will be cut next year');
  const [rules] = quotesOf('The new ferry rules said that every driver must carry a permit.');
  assert.equal(rules?.text, 'every driver must carry a permit');
  assert.equal(rules?.speaker, null);
});

test("two straight apostrophes are a double quote mark (''…''), offsets exact", () => {
  const text = "Senator Rhea Maddox spoke in Tulsa.\n''The levee will hold this year,'' Ms. Maddox said. ''We tested it twice.''";
  const qs = direct(text);
  assert.deepEqual(
    qs.map((q) => [q.text, q.speaker]),
    [
      ['The levee will hold this year,', 'Rhea Maddox'],
      ['We tested it twice.', 'Rhea Maddox'],
    ],
  );
  for (const q of qs) assert.equal(text.slice(q.start, q.end), q.text);
  // An empty '' and an apostrophe are no quote.
  assert.deepEqual(findQuotedSpans("He wrote '' twice and didn't stop.", [{ start: 0, end: 34 }]), []);
});

test('a bracketed party after the name and a role before the name in commas still name the speaker', () => {
  const text =
    'Sen. Dale Foss (R-Okla.) said the farm bill would pass in the spring.\nThe union’s president, Ilse Brandvold, said the strike would end on Monday.';
  const qs = quotesOf(text).filter((q) => q.kind === 'reported');
  assert.deepEqual(
    qs.map((q) => [q.speaker, q.text]),
    [
      ['Dale Foss', 'the farm bill would pass in the spring'],
      ['Ilse Brandvold', 'the strike would end on Monday'],
    ],
  );
  const spans = qs.map((q) => (q.speakerSpan ? text.slice(q.speakerSpan.start, q.speakerSpan.end) : null));
  assert.deepEqual(spans, ['Sen. Dale Foss (R-Okla.)', 'The union’s president, Ilse Brandvold']);
});

test('a participle after a comma reports the words of the clause subject, and ends the first content', () => {
  const qs = quotesOf('Governor Nils Aasen defended the new tax on Friday, saying it would pay for the bridges within ten years.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]?.speaker, 'Nils Aasen');
  assert.equal(qs[0]?.text, 'it would pay for the bridges within ten years');
  const two = quotesOf('Mayor Tove Lind said the budget was balanced, adding that the reserve fund would grow next year.');
  assert.deepEqual(
    two.map((q) => [q.speaker, q.text]),
    [
      ['Tove Lind', 'the budget was balanced'],
      ['Tove Lind', 'the reserve fund would grow next year'],
    ],
  );
  // In a subordinate clause the subject is not the one who speaks.
  assert.equal(quotesOf('When Mayor Tove Lind arrived, the crowd cheered loudly, saying the long wait was finally over.').length, 0);
});

test('a coordinated source is kept whole: the secretary and her aides, not the aides', () => {
  const text = 'Secretary Vera Holm met the delegation in Oslo.\nBut Holm and her aides have insisted that any deal must respect the fishing quotas.';
  const q = quotesOf(text).find((m) => m.kind === 'reported');
  assert.ok(q?.speakerSpan);
  assert.equal(text.slice(q.speakerSpan.start, q.speakerSpan.end), 'Holm and her aides');
  assert.equal(q.speaker, 'Vera Holm and her aides');
  // After a verb, "and" joins objects: the second clause's subject stands alone.
  const objects = quotesOf('The council thanked Vera Holm and officials said the fishing quotas would stay.');
  assert.equal(objects[0]?.speaker, 'officials');
});

test('a transcript label in capitals names the person of that surname, else stays as written', () => {
  const text =
    'Host Ravi Kohli interviewed Governor Lena Marsh on Sunday.\nMARSH: Well, the roads will be repaired before the winter comes.\nPANELIST: The money is not there for any of it.';
  const qs = quotesOf(text);
  assert.deepEqual(
    qs.map((q) => q.speaker),
    ['Lena Marsh', 'PANELIST'],
  );
});

test('group sources are kept as groups, never as a person; "both sides" names no one; "they" goes to the last group', () => {
  const text =
    'Port officials said the cranes would be replaced by March. They added that the night shifts would end.\nBoth sides have acknowledged some progress in the wage talks.\nA spokesman for the union said the vote would be held on Friday.';
  const qs = quotesOf(text);
  assert.deepEqual(
    qs.map((q) => [q.speaker, q.speakerKind ?? null]),
    [
      ['Port officials', 'group'],
      ['Port officials', 'group'],
      [null, null],
      ['A spokesman for the union', 'description'],
    ],
  );
  // The vague source's words are still there, unattributed, with the words that name it.
  const vague = qs[2];
  assert.ok(vague?.speakerSpan);
  assert.equal(text.slice(vague.speakerSpan.start, vague.speakerSpan.end), 'Both sides');
  // "he" never goes to a group.
  const he = quotesOf('Union leaders said the strike would go on. He said the talks had failed completely.');
  assert.equal(he[1]?.speaker, null);
});

test('an attribution in the middle of a sentence: the clause before it when an adjunct follows, and the participle after', () => {
  const qs = quotesOf(
    'President Lena Marsh opened the hall.\nThe new rules have hurt young voters, Ms. Marsh said, since most of them accept the science.\nThe plan will fail, Ms. Marsh said, adding that the costs were too high.',
  );
  assert.deepEqual(
    qs.map((q) => [q.speaker, q.cue?.text, q.text]),
    [
      ['Lena Marsh', 'said', 'The new rules have hurt young voters'],
      ['Lena Marsh', 'said', 'The plan will fail'],
      ['Lena Marsh', 'adding', 'the costs were too high'],
    ],
  );
});

test('demands and questions are attributions; "spoke" alone and a new sentence after a closed quote are not tails', () => {
  const qs = quotesOf(
    'Councillor Iris Dahl called for a full audit of the harbour accounts.\nDahl questioned whether the contract had ever been tendered.\nThe mayor spoke to a crowd of dock workers in the square.\n“The vote is set.” Dahl said she expects the council to approve the audit.',
  );
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker, q.cue?.text ?? null, q.text]),
    [
      ['reported', 'Iris Dahl', 'called for', 'a full audit of the harbour accounts'],
      ['reported', 'Iris Dahl', 'questioned', 'whether the contract had ever been tendered'],
      ['reported', 'Iris Dahl', 'said', 'she expects the council to approve the audit'],
    ],
  );
});

test('a quote attributed after it but starting inside its sentence also reports the whole statement', () => {
  const text = 'Mayor Ana Fowler spoke on Monday.\nNot paying the levy “makes the city stronger,” Fowler said.';
  const qs = quotesOf(text);
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker, q.text]),
    [
      ['reported', 'Ana Fowler', 'Not paying the levy “makes the city stronger,”'],
      ['direct', 'Ana Fowler', 'makes the city stronger,'],
    ],
  );
  for (const q of qs) assert.equal(text.slice(q.start, q.end), q.text);
});

test('a title with no holder named before stays the text’s own description, never a guess', () => {
  const qs = quotesOf('The senator said the pipeline vote would be delayed until the spring.');
  assert.equal(qs[0]?.speaker, 'The senator');
  assert.equal(qs[0]?.speakerKind, 'description');
  const named = quotesOf('Senator Ola Brekke toured the plant.\nThe senator said the pipeline vote would be delayed until the spring.');
  assert.equal(named[0]?.speaker, 'Ola Brekke');
  assert.equal(named[0]?.speakerKind, 'name');
});

test('a cue inside a relative clause reports nothing: the plant that the firm announced will create jobs', () => {
  const qs = quotesOf('The smelter that Norvik Metals announced on Tuesday will create about 900 jobs, according to the regional council.');
  assert.deepEqual(
    qs.map((q) => [q.speaker, q.cue?.text, q.text]),
    [['the regional council', 'according to', 'The smelter that Norvik Metals announced on Tuesday will create about 900 jobs']],
  );
  // With a verb that takes a clause, the relative word is the subject of what was said.
  const says = quotesOf('The smelter, which Norvik Metals says will employ 900 people, needs a new road.');
  assert.deepEqual(
    says.map((q) => [q.speaker, q.text]),
    [['Norvik Metals', 'will employ 900 people']],
  );
});

test('a verb of intention reports its infinitive in the active voice only, and never a quote', () => {
  const qs = quotesOf('The Harbour Trust plans to publish its review of the ferry contract next week.');
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker, q.cue?.text, q.text]),
    [['reported', 'Harbour Trust', 'plans', 'to publish its review of the ferry contract next week']],
  );
  assert.deepEqual(quotesOf('Mayor Ines Kolar is expected to win the vote easily.'), []);
  assert.deepEqual(quotesOf('The council wants a second survey of the bridge.'), []);
  // Inside what another attribution reports, a plan is part of those words.
  const nested = quotesOf('The two councils said they expected to sign the ferry contract in May.');
  assert.deepEqual(
    nested.map((q) => [q.cue?.text, q.text]),
    [['said', 'they expected to sign the ferry contract in May']],
  );
  const quoted = quotesOf('Mayor Ines Kolar hopes to finish “before the first snow,” her office said.');
  assert.ok(quoted.every((q) => q.kind !== 'direct' || q.cue?.text !== 'hopes'));
});

test('a study that finds or shows a clause reports it; a second verb of the same subject reports its own clause', () => {
  const found = quotesOf('A 2014 review by the port authority found that most cranes were past their service life.');
  assert.deepEqual(
    found.map((q) => [q.cue?.text, q.text]),
    [['found', 'most cranes were past their service life']],
  );
  const both = quotesOf('Ravi Osei toured the harbour on Friday and said the new quay would double the ferry traffic.');
  assert.deepEqual(
    both.map((q) => [q.speaker, q.cue?.text, q.text]),
    [['Ravi Osei', 'said', 'the new quay would double the ferry traffic']],
  );
});

test('a subheading in quote marks is not a quote', () => {
  const qs = quotesOf('“The ferry runs on time,” Ravi Osei said.\n\n‘A Harbour Reborn.’\n\nThe quay reopened in May.');
  assert.deepEqual(
    qs.map((q) => q.text),
    ['The ferry runs on time,'],
  );
});

test('a partial quote after its cue with the sentence going on is reported with the words after it', () => {
  const qs = quotesOf('The port authority reported “312 late sailings” in the first half of the year.');
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker, q.text]),
    [
      ['reported', 'The port authority', '“312 late sailings” in the first half of the year'],
      ['direct', 'The port authority', '312 late sailings'],
    ],
  );
  // A quote ending in its own punctuation is whole: what follows is the writer's.
  const whole = quotesOf('Ravi Osei wrote that “the ferry plan is dead,” and left the meeting.');
  assert.deepEqual(
    whole.map((q) => q.kind),
    ['direct'],
  );
});

test('a straight double mark after a number is an inch mark, not a quote', () => {
  const spans = findQuotedSpans('The new mast is 6\'3" taller and "built to last," she said.', [{ start: 0, end: 58 }]);
  assert.deepEqual(
    spans.map((q) => [q.start, q.end]),
    [[33, 47]],
  );
});

test('a verb of stance reports its object after a named or pronoun subject only, and is never a quote cue', () => {
  const qs = quotesOf('Senator Ola Brekke cited the auditor’s findings on the ferry contract.');
  assert.deepEqual(
    qs.map((q) => [q.kind, q.speaker, q.cue?.text, q.text]),
    [['reported', 'Ola Brekke', 'cited', 'the auditor’s findings on the ferry contract']],
  );
  assert.deepEqual(quotesOf('The new rules were cited in three rulings.'), []);
  assert.deepEqual(quotesOf('Three unions attacked the plan for its cost to workers.'), []);
});
