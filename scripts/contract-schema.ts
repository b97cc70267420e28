// Writes docs/contract.schema.json from the zod schemas in src/model/contract.ts (the single source of truth).
// `npm run schema`; a test fails when the committed file is out of date.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { contractJsonSchema } from '../src/model/contract-schema.js';

const path = join(import.meta.dirname, '..', 'docs', 'contract.schema.json');
writeFileSync(path, `${JSON.stringify(contractJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
