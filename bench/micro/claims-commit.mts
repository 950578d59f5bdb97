// CPU per request of the cluster workers' shared ingest claims (src/spool/sqlite/shared-claims.ts):
// `--concurrency` loops each claim `--keys` fresh keys, wait a turn, and release them as committed,
// `--requests` requests per round; the file grows round by round (claims are kept 24 h).
//   node --import tsx bench/micro/claims-commit.mts [--root DIR] [--keys 20] [--concurrency 8] [--requests 3000] [--rounds 4]
// H141: 10-14 us per key at 20 keys (the file at 40,000-240,000 keys), ~24 us per 1-key request;
// under --cpu-prof 74% of it is the COMMIT (two pwrite calls per dirty page: the WAL frame's
// header and the page, and each key lands on a random page of the key B-tree), 8% the INSERTs.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '../..')));
const KEYS = Number(arg('keys', '20')), CONC = Number(arg('concurrency', '8')), N = Number(arg('requests', '3000')), ROUNDS = Number(arg('rounds', '4'));
const { SharedClaims } = await import(pathToFileURL(join(ROOT, 'src/spool/sqlite/shared-claims.ts')).href);
const dir = mkdtempSync(join(tmpdir(), 'phiwall-claims-'));
const claims = new SharedClaims({ path: join(dir, 'ingest-claims.db'), worker: 0, synchronous: 'NORMAL', onError: (what: string, code: string) => console.error(what, code) });
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system; };
const key = (): string => randomBytes(16).toString('base64url').slice(0, 22);
const turn = (): Promise<void> => new Promise((r) => setImmediate(r));

async function request(): Promise<void> {
  const keys = Array.from({ length: KEYS }, key);
  await claims.claim(keys, Date.now());
  await turn(); // the pipeline and the spool's commit run here in the collector
  claims.release(keys, new Set(keys), false, Date.now());
}

try {
  for (let round = 1; round <= ROUNDS; round++) {
    const t = cpu();
    let left = N;
    await Promise.all(Array.from({ length: CONC }, async () => { while (left-- > 0) { await request(); await new Promise((r) => setTimeout(r, 0)); } }));
    await new Promise((r) => setTimeout(r, 20)); // the last releases' flush
    const us = (cpu() - t) / N;
    console.log(JSON.stringify({ round, keys_in_file: round * N * KEYS, us_per_request: +us.toFixed(1), us_per_key: +(us / KEYS).toFixed(2) }));
  }
} finally {
  claims.close();
  rmSync(dir, { recursive: true, force: true });
}
