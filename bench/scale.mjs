// Scale-out (issue #8): N phiwall instances (separate processes on their own ports, one
// process each) sharing one PostgreSQL, with autocannon splitting its connections evenly
// across them, against one SQLite instance (one process) in the same run, both on the 20-event
// batch workload. On one 2-core box the instances, Postgres, autocannon and the sink share the
// cores, so the ratio says what the shared store costs, not what more machines would add.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeBenchConfig } from './config.mjs';
import { drive, sinkStats, warm } from './measure.mjs';
import { postgresBacklog, startBenchPostgres } from './postgres.mjs';
import { startServer, stopChild } from './proc.mjs';
import { spoolBacklog } from './spool-backlog.mjs';
import { eventsPerRequest } from './workload.mjs';

async function startInstance(ctx, label, storageUrl) {
  const dir = join(ctx.workDir, `scale-${label}`);
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir, { recursive: true });
  const config = writeBenchConfig(ctx.root, dir, ctx.sink.url, storageUrl);
  const port = await ctx.freePort();
  const args = [join(ctx.root, 'bin/phiwall.mjs'), 'serve', '--config', config, '--data', dataDir, '--port', String(port), '--host', '127.0.0.1', '--workers', '1'];
  const server = await startServer(args, { port, logFile: join(ctx.workDir, `phiwall-scale-${label}.log`), env: { PHIWALL_LOG_LEVEL: 'warn' } });
  return { ...server, dataDir };
}

/** Drives every server at once (connections split evenly) and sums what they did. */
async function driveAll(servers, requests, opts) {
  const epr = eventsPerRequest('batch');
  const each = Math.max(1, Math.round(opts.connections / servers.length));
  const runs = await Promise.all(servers.map((s) => drive(s, requests, { duration: opts.duration, connections: each, eventsPerRequest: epr })));
  const sum = (k) => runs.reduce((a, r) => a + (r[k] ?? 0), 0);
  return {
    rps: sum('rps'), events_per_s: sum('events_per_s'), errors: sum('errors'),
    // Percentiles do not add up: the worst instance's.
    p50_ms: Math.max(...runs.map((r) => r.p50_ms)), p99_ms: Math.max(...runs.map((r) => r.p99_ms)),
    rss_mb: +sum('rss_mb').toFixed(1), seconds: Math.max(...runs.map((r) => r.seconds)),
    per_instance: runs.map((r) => ({ rps: r.rps, events_per_s: r.events_per_s, p99_ms: r.p99_ms, rss_mb: r.rss_mb })),
  };
}

async function measure(ctx, servers, requests, backlog) {
  for (const s of servers) await warm(s, requests, Math.max(1, Math.round(ctx.opts.connections / servers.length)), ctx.opts.warmup);
  const before = await sinkStats(ctx.sink.url);
  const res = await driveAll(servers, requests, ctx.opts);
  const after = await sinkStats(ctx.sink.url);
  return { ...res, delivered_per_s: Math.round((after.deliveries - before.deliveries) / res.seconds), spool_backlog_rows: await backlog() };
}

/** ctx: { root, opts: { duration, connections, instances }, requests, sink, workDir, freePort } */
export async function runScale(ctx) {
  const n = ctx.opts.instances;
  console.log('\n[scale] one instance on SQLite (--workers 1)');
  const lite = await startInstance(ctx, 'sqlite', undefined);
  let sqlite;
  try { sqlite = await measure(ctx, [lite], ctx.requests, async () => spoolBacklog(lite.dataDir).rows); } finally { await stopChild(lite.child); }
  console.log(`[scale] ${n} instance(s) on one PostgreSQL (--workers 1 each)`);
  const pg = await startBenchPostgres();
  const servers = [];
  let postgres;
  try {
    for (let i = 0; i < n; i++) servers.push(await startInstance(ctx, `pg${i}`, pg.url));
    postgres = await measure(ctx, servers, ctx.requests, () => postgresBacklog(pg.url));
  } finally {
    await Promise.all(servers.map((s) => stopChild(s.child)));
    await pg.stop();
  }
  return {
    workload: '20-event /v1/batch', instances: n, sqlite_single: sqlite, postgres,
    ratio_vs_sqlite_single: +(postgres.events_per_s / Math.max(1, sqlite.events_per_s)).toFixed(3),
  };
}
