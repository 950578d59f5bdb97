// A throwaway PostgreSQL server from the installed binaries, for the test suite
// (tests/helpers/postgres.ts) and the bench (bench/scale.mjs): initdb + pg_ctl in a temp dir on
// a free port. initdb refuses to run as root (CI runs as root), so the server then runs as the
// unprivileged `postgres` user (created with useradd when missing). Plain JS so the bench needs
// no TypeScript loader; types in pg-server.d.mts.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port.mjs';

const PG_USER = 'postgres';

/** The newest PostgreSQL server bin directory under /usr/lib/postgresql, if any. */
export function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function ensureUser() {
  try { execFileSync('id', ['-u', PG_USER], { stdio: 'ignore' }); } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'ignore' });
  }
  return { uid: Number(execFileSync('id', ['-u', PG_USER]).toString().trim()), gid: Number(execFileSync('id', ['-g', PG_USER]).toString().trim()) };
}

/** Runs a server binary, as the postgres user when we are root. */
function run(bin, args, asUser) {
  const cmd = asUser ? 'runuser' : bin;
  const argv = asUser ? ['-u', PG_USER, '--', bin, ...args] : args;
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

export async function startPgServer({ durable = true, prefix = 'phiwall-pg-', sharedBuffers = '64MB', stopMode = 'immediate' } = {}) {
  const bin = findPgBin();
  if (!bin) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  const root = isRoot();
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const data = join(dir, 'data');
  if (root) { const { uid, gid } = ensureUser(); chownSync(dir, uid, gid); }
  chmodSync(dir, 0o755);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'phiwall', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], root);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', `-c shared_buffers=${sharedBuffers}`];
  if (!durable) settings.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '30', 'start'], root);
  const base = `postgres://phiwall@127.0.0.1:${port}`;
  const createdb = (name) => run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'phiwall', name], root);
  createdb('phiwall');
  return {
    url: `${base}/phiwall`,
    port,
    createDatabase: async (name) => { createdb(name); return `${base}/${name}`; },
    stop: async () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', stopMode, '-w', 'stop'], root); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
