import { openPostgresStore } from '../../src/store/postgres.js';
import { storeContract } from './contract.js';
import { pgSkip, scratchDatabases } from './pg-scratch.js';

const databases = scratchDatabases();
let last = '';
storeContract(
  'postgres',
  {
    fresh: async () => {
      last = await databases.create();
      return openPostgresStore(last);
    },
    again: () => openPostgresStore(last),
  },
  await pgSkip(),
);
