// A throwaway PostgreSQL for `npm run bench -- --storage postgres`: the same steps as
// tests/helpers/postgres.ts (initdb + pg_ctl from /usr/lib/postgresql/*/bin in a temp dir on a
// free port, run as the unprivileged `postgres` user when we are root, since initdb refuses
// root), in plain JS so the bench needs no TypeScript loader. Durable settings (fsync and
// synchronous_commit on): the bench measures what production would commit.
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PG_USER = 'postgres';

function findPgBin() {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return undefined;
  const versions = readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'pg_ctl'))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(root, versions[0], 'bin') : undefined;
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const freePort = () => new Promise((ok) => { const s = net.createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });

function ensureUser() {
  try { execFileSync('id', ['-u', PG_USER], { stdio: 'ignore' }); } catch {
    execFileSync('useradd', ['--system', '--no-create-home', '--shell', '/usr/sbin/nologin', PG_USER], { stdio: 'ignore' });
  }
  return { uid: Number(execFileSync('id', ['-u', PG_USER]).toString().trim()), gid: Number(execFileSync('id', ['-g', PG_USER]).toString().trim()) };
}

function run(bin, args, asUser) {
  const cmd = asUser ? 'runuser' : bin;
  const argv = asUser ? ['-u', PG_USER, '--', bin, ...args] : args;
  execFileSync(cmd, argv, { stdio: ['ignore', 'pipe', 'pipe'], timeout: 60_000 });
}

/** Starts a server; resolves with { url, port, pid(), stop() }. */
export async function startBenchPostgres() {
  const bin = findPgBin();
  if (!bin) throw new Error('bench --storage postgres needs PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)');
  const root = isRoot();
  const dir = mkdtempSync(join(tmpdir(), 'phiwall-bench-pg-'));
  const data = join(dir, 'data');
  if (root) { const { uid, gid } = ensureUser(); chownSync(dir, uid, gid); }
  chmodSync(dir, 0o755);
  run(join(bin, 'initdb'), ['-D', data, '-U', 'phiwall', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync'], root);
  const port = await freePort();
  const settings = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200', '-c shared_buffers=128MB'];
  run(join(bin, 'pg_ctl'), ['-D', data, '-l', join(dir, 'server.log'), '-o', settings.join(' '), '-w', '-t', '30', 'start'], root);
  run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', 'phiwall', 'phiwall'], root);
  return {
    url: `postgres://phiwall@127.0.0.1:${port}/phiwall`,
    port,
    stop: async () => {
      try { run(join(bin, 'pg_ctl'), ['-D', data, '-m', 'fast', '-w', 'stop'], root); } catch { /* already stopped */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Rows waiting in the shared spool (the outbox table), or null before migrations made it. */
export async function postgresBacklog(url) {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query('SELECT count(*)::int AS n FROM phiwall_outbox');
    return r.rows[0].n;
  } catch { return null; } finally { await client.end(); }
}
