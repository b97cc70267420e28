import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, Socket } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';

/** Where Debian puts the PostgreSQL server binaries (newest version first). */
function postgresBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function natsBin(): string | null {
  for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/sbin', '/usr/bin'])) {
    if (dir && existsSync(join(dir, 'nats-server'))) return join(dir, 'nats-server');
  }
  return null;
}

/** False when both servers can be started here; otherwise why the fault tests are skipped. */
export function serversSkip(): string | false {
  if (!natsBin()) return 'nats-server not installed (apt-get install nats-server)';
  if (!postgresBin()) return 'PostgreSQL server binaries not installed (apt-get install postgresql)';
  if (userInfo().uid === 0) {
    try {
      execFileSync('id', ['postgres'], { stdio: 'ignore' });
    } catch {
      return 'running as root and there is no postgres user to run a test server as';
    }
  }
  return false;
}

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

async function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
    socket.connect(port, '127.0.0.1');
  });
}

async function waitFor(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A server the test can stop and start again (same port, same data). */
export interface TestServer {
  url: string;
  port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A nats-server with JetStream on a random loopback port, storing in a temporary folder; stopped after the file. */
export async function natsServer(port?: number): Promise<TestServer> {
  const bin = natsBin() as string;
  const dir = mkdtempSync(join(tmpdir(), 'tri-nats-'));
  const chosen = port ?? (await freePort());
  let child: ChildProcess | null = null;
  const server: TestServer = {
    url: `nats://127.0.0.1:${chosen}`,
    port: chosen,
    async start() {
      child = spawn(bin, ['-js', '-sd', dir, '-a', '127.0.0.1', '-p', String(chosen)], { stdio: 'ignore' });
      await waitFor(() => portOpen(chosen), 'nats-server');
    },
    async stop() {
      const running = child;
      child = null;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGTERM');
      await exited;
    },
  };
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return server;
}

/**
 * A throw-away PostgreSQL cluster (initdb in a temporary folder, trust authentication, loopback only), so a test can
 * stop the database under running workers without disturbing anything else. The server refuses to run as root,
 * so under root (CI) it runs as the postgres user.
 */
export async function postgresServer(): Promise<TestServer> {
  const bin = postgresBin() as string;
  const dir = mkdtempSync(join(tmpdir(), 'tri-pg-'));
  const root = userInfo().uid === 0;
  if (root) {
    const ids = execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim();
    const gid = execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  const run = (tool: string, args: string[]): void => {
    const command = root ? 'runuser' : join(bin, tool);
    const argv = root ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    execFileSync(command, argv, { stdio: 'ignore', cwd: '/' });
  };
  const data = join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'tri', '--no-sync']);
  const port = await freePort();
  const server: TestServer = {
    url: `postgres://tri@127.0.0.1:${port}/postgres`,
    port,
    async start() {
      run('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
    },
    async stop() {
      if (existsSync(join(data, 'postmaster.pid'))) run('pg_ctl', ['-D', data, '-w', '-m', 'fast', 'stop']);
    },
  };
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  await server.start();
  return server;
}
