// CPU cost of the SQLite spool (src/spool/sqlite/sqlite-spool.ts, the real class) per event and
// destination ("row"), through enqueue -> lease -> ack, four destinations, on a temp file:
//   node --expose-gc --import tsx bench/spool-ops.mjs [--root DIR (this repo)] [--batch 20] [--events 40000] [--lease 100]
// --root points at another checkout (e.g. the base commit) to compare the same workload.
//   steady:  enqueue calls of --batch events, then each destination leases and acks until drained (repeated)
//   backlog: --events events spooled, the spool reopened (nothing in memory), then drained
//   retry:   like steady, but every leased item is retried once (due at once) before its ack
//   lagging: delivery drains half of what is enqueued (a growing backlog); reports the heap after it
// --backlog-only [--no-drain]: the backlog scenario alone (without its drain), for instruction counts
// of whole runs, differenced (callgrind_control's toggles land late in a run this synchronous):
//   valgrind --tool=callgrind node --expose-gc --import tsx bench/spool-ops.mjs --events 10000 --backlog-only [--no-drain]
// Figures are CPU microseconds (process.cpuUsage: user + system) per row; lower is better.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const arg = (name, d) => { const i = process.argv.indexOf(`--${name}`); return i > 0 ? process.argv[i + 1] : d; };
const ROOT = resolve(arg('root', join(import.meta.dirname, '..')));
const BATCH = Number(arg('batch', 20)), EVENTS = Number(arg('events', 40_000)), LEASE = Number(arg('lease', 100));
const { SqliteSpool } = await import(pathToFileURL(join(ROOT, 'src/spool/sqlite/sqlite-spool.ts')).href);
const DESTS = ['ga4', 'meta', 'tiktok', 'webhook'];
const dir = mkdtempSync(join(tmpdir(), 'phiwall-spool-ops-'));
const open = (name) => new SqliteSpool({ path: join(dir, name), maxRows: 1e9, maxBytes: 1e12, synchronous: 'normal', groupCommitMs: 1 });
const payload = (n) => ({ client_id: `123.${n}`, timestamp_micros: Date.now() * 1000, events: [{ name: 'page_view',
  params: { page_location: 'https://www.northbay-health.example/services/cardiology?utm_source=x', page_title: 'Cardiology and heart care', engagement_time_msec: 1, session_id: '1732300100' } }] });
let seq = 0;
const call = () => Array.from({ length: BATCH }, () => seq++).flatMap((n) => DESTS.map((d) => ({ messageId: `m${n}`, destination: d, payload: payload(n), policyVersion: 'v1', subjectKeys: ['k1', 'k2'] })));
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };

async function drain(spool, retryFirst = false) {
  let rows = 0;
  for (const d of DESTS) {
    for (;;) {
      const items = await spool.lease(d, LEASE, 30_000);
      if (items.length === 0) break;
      const fresh = retryFirst ? items.filter((i) => i.attempts === 0) : [];
      if (fresh.length) await spool.retry(fresh.map((i) => i.id), 0, 'HTTP 503');
      const done = items.filter((i) => !fresh.includes(i));
      await spool.ack(done.map((i) => i.id));
      rows += done.length;
    }
  }
  return rows;
}

async function steady(name, retry) {
  const spool = open(`${name}.db`);
  await drain(spool); // claims the consumer before the clock starts
  const t = cpu();
  let rows = 0;
  for (let round = 0; rows < EVENTS * DESTS.length; round++) {
    await Promise.all(Array.from({ length: Math.max(1, Math.floor(200 / BATCH)) }, () => spool.enqueue(call())));
    rows += await drain(spool, retry);
  }
  const us = (cpu() - t) / rows;
  await spool.close();
  return +us.toFixed(2);
}

async function backlog() {
  let spool = open('backlog.db');
  let t = cpu();
  for (let n = 0; n < EVENTS; n += BATCH * 10) await Promise.all(Array.from({ length: 10 }, () => spool.enqueue(call())));
  const enqueue = (cpu() - t) / (EVENTS * DESTS.length);
  await spool.close();
  spool = open('backlog.db');
  t = cpu();
  const rows = process.argv.includes('--no-drain') ? 0 : await drain(spool);
  const out = { enqueue_us_per_row: +enqueue.toFixed(2), drain_us_per_row: +((cpu() - t) / rows).toFixed(2), rows };
  await spool.close();
  return out;
}

async function lagging() {
  const spool = open('lagging.db');
  await drain(spool);
  const t = cpu();
  let rows = 0;
  for (let round = 0; round < EVENTS / 400; round++) {
    await Promise.all(Array.from({ length: Math.max(1, Math.floor(400 / BATCH)) }, () => spool.enqueue(call())));
    for (const d of DESTS) {
      const items = await spool.lease(d, 200, 30_000);
      await spool.ack(items.map((i) => i.id));
      rows += items.length;
    }
  }
  globalThis.gc?.(); // with node --expose-gc: the heap the spool retains, not garbage
  const out = { us_per_delivered_row: +((cpu() - t) / rows).toFixed(2), backlog_rows: (await spool.stats()).pending, heap_used_mb: +(process.memoryUsage().heapUsed / 1e6).toFixed(1) };
  await spool.close();
  return out;
}

const out = { root: ROOT, batch: BATCH, events: EVENTS, lease: LEASE };
const all = !process.argv.includes('--backlog-only');
if (all) out.steady_us_per_row = await steady('steady', false);
out.backlog = await backlog();
if (all) out.retry_steady_us_per_row = await steady('retry', true);
if (all) out.lagging = await lagging();
console.log(JSON.stringify(out));
rmSync(dir, { recursive: true, force: true });
