import assert from 'node:assert/strict';
import { test } from 'node:test';
import { castList } from './cast.js';

const entity = (name: string, type: string) => ({ name, type, aliases: [], roles: [], articleCount: 2 });

test('the people list leaves out nationality words but keeps people, places, parties and other names', () => {
  const listed = castList([
    entity('Ilse Varga', 'person'),
    entity('Norwegian', 'group'),
    entity('Danes', 'group'),
    entity('South Korean', 'misc'),
    entity('Democrats', 'group'),
    entity('Kestrel Point', 'place'),
    entity('Kestrel Cup', 'misc'),
    entity('Norway', 'place'),
  ]);
  assert.deepEqual(
    listed.map((e) => e.name),
    ['Ilse Varga', 'Democrats', 'Kestrel Point', 'Kestrel Cup', 'Norway'],
  );
});

test('a name typed as an organisation stays listed even when it reads as a nationality (an airline called "Norwegian")', () => {
  assert.equal(castList([entity('Norwegian', 'org')]).length, 1);
});
