// The shared ingest claims (src/spool/sqlite/shared-claims.ts) under a loaded worker's pattern of
// single-event requests: `--concurrency` clients each claim one fresh key, wait for the spool's
// group commit (one shared 2 ms timer, as group_commit_ms), release it as committed, and send their
// next request `--gap` ms after the answer. The requests come in waves, and each wave's releases
// are followed a moment later by the next wave's claims. Prints CPU per request and the claims
// file's write transactions per request (which flushes held claims, releases or both).
//   node --import tsx bench/micro/claims-waves.mts [--root DIR] [--concurrency 10] [--requests 6000] [--gap 0.3] [--sync NORMAL|FULL]
// System calls per request: strace -f -c -e trace=pwrite64,fcntl,fsync node --import tsx bench/micro/claims-waves.mts ...
// H208 (README, Performance): releases riding on the next claim's transaction (RELEASE_RIDE_MS).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name: string, d: string): string => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '../..')));
const CONC = Number(arg('concurrency', '10')), N = Number(arg('requests', '6000')), GAP = Number(arg('gap', '0.3')), SYNC = arg('sync', 'NORMAL');

interface Claims {
  claim(keys: readonly string[], now: number): Promise<unknown>;
  release(keys: readonly string[], committed: ReadonlySet<string>, failed: boolean, now: number): void;
  close(): void;
}
interface FlushState { open?: { calls: unknown[] }; releases: unknown[] }
const mod = await import(pathToFileURL(join(ROOT, 'src/spool/sqlite/shared-claims.ts')).href) as { SharedClaims: new (o: object) => Claims };
const proto = mod.SharedClaims.prototype as unknown as { flush(this: FlushState): void };
const counts = { tx: 0, both: 0, releases_only: 0, claims_only: 0 };
const flush = proto.flush;
proto.flush = function (this: FlushState) {
  const c = this.open?.calls.length ?? 0, r = this.releases.length;
  counts.tx++;
  if (c && r) counts.both++; else if (c) counts.claims_only++; else counts.releases_only++;
  flush.call(this);
};
const dir = mkdtempSync(join(tmpdir(), 'phiwall-waves-'));
const claims = new mod.SharedClaims({ path: join(dir, 'ingest-claims.db'), worker: 0, pid: 1000, synchronous: SYNC, onError: (w: string, c: string) => console.error(w, c) });
const key = (): string => randomBytes(16).toString('base64url').slice(0, 22);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
let commit: Promise<void> | undefined;
const groupCommit = (): Promise<void> => (commit ??= sleep(2).then(() => { commit = undefined; }));
const cpu = (): number => { const u = process.cpuUsage(); return u.user + u.system; };

async function request(): Promise<void> {
  const keys = [key()];
  await claims.claim(keys, Date.now());
  await groupCommit(); // the pipeline, then the spool's commit
  claims.release(keys, new Set(keys), false, Date.now());
}

try {
  const t = cpu();
  let left = N;
  await Promise.all(Array.from({ length: CONC }, async () => { while (left-- > 0) { await request(); await sleep(GAP); } }));
  await sleep(20); // the last releases' flush
  const us = (cpu() - t) / N;
  console.log(JSON.stringify({ root: ROOT, us_per_request: +us.toFixed(1), tx_per_request: +(counts.tx / N).toFixed(3), ...counts }));
} finally {
  claims.close();
  rmSync(dir, { recursive: true, force: true });
}
