import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openStore } from '../../src/index.js';
import { startServer } from '../../src/server/index.js';
import { tempDir } from '../helpers.js';
import { testApp } from '../server/helpers.js';

const TOKEN = 'abcdefghijklmnop0123456789';

test('a server bound to another loopback address answers requests made to that address', async () => {
  const store = await openStore(tempDir());
  const server = await startServer({ store, host: '127.0.0.2', port: 0, log: () => undefined });
  try {
    assert.match(server.url, /^http:\/\/127\.0\.0\.2:\d+$/);
    const response = await fetch(`${server.url}/api/health`);
    assert.equal(response.status, 200);
  } finally {
    await server.close();
    await store.close();
  }
});

test('in token mode the Host is checked for reads too: names must be configured, addresses pass', async () => {
  const { app } = await testApp({ token: TOKEN });
  assert.equal((await app.request('http://attacker.example:8080/api/stories')).status, 403);
  assert.equal((await app.request('http://attacker.example:8080/api/health')).status, 403);
  for (const host of ['192.168.1.20:8080', '[fd00::1]:8080', 'localhost:8080'])
    assert.equal((await app.request(`http://${host}/api/stories`)).status, 200, host);
  const named = await testApp({ token: TOKEN, hostNames: ['desk.example'] });
  assert.equal((await named.app.request('http://desk.example/api/stories')).status, 200);
  assert.equal((await named.app.request('http://DESK.example/api/stories')).status, 200);
  assert.equal((await named.app.request('http://other.example/api/stories')).status, 403);
});
