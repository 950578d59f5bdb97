// `npm run bench`: the no-op ceiling and phiwall (full HIPAA pack, four destinations on a
// local sink, durable spool) driven by autocannon in the same run on the same machine, then a
// sustained-delivery run and the scrub-engine micro-bench. Writes bench/results/latest.{json,md}.
// Options: --duration S (8) --connections N (50) --scenario single,batch,gtag (all)
// --workers N (cores) --delivery-seconds S (60, 0 skips) --delivery-rate EV/S (20000) --no-build --no-micro
// --warmup S (5): load before each measured run, for the JIT (a fresh process runs the plan 3-6x
// slower over its first ~10,000 events); the half-load run warms at its own rate for as long
// --out DIR (bench/results): where latest.{json,md} go, e.g. a scratch directory for A/B runs
// --storage postgres --instances N (2): instead, N instances on one PostgreSQL vs one on SQLite
// (bench/scale.mjs); sections a run does not measure are kept from the previous latest.json.
// --help prints this; an unknown option is an error (exit 2), not a full run.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '../scripts/free-port.mjs';
import { BENCH_AUTH, BENCH_TID, writeBenchConfig } from './config.mjs';
import { drive, sinkStats, warm } from './measure.mjs';
import { pacedDrive } from './paced.mjs';
import { startPortPrinter, startServer, stopChild, waitForWorkers } from './proc.mjs';
import { renderMarkdown } from './report.mjs';
import { runScale } from './scale.mjs';
import { spoolBacklog } from './spool-backlog.mjs';
import { batchRequests, eventsPerRequest, gtagRequests, loadCorpus, singleRequests } from './workload.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const KNOWN = new Set(['duration', 'connections', 'scenario', 'workers', 'delivery-seconds', 'delivery-rate', 'no-build', 'no-micro', 'storage', 'instances', 'out', 'warmup']);

/** The header comment's option list, printed by --help. */
function usage() {
  const head = readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').filter((l) => l.startsWith('//'));
  return head.map((l) => l.replace(/^\/\/ ?/, '')).join('\n');
}

function parseOptions(argv) {
  const o = new Map();
  if (argv.includes('--help') || argv.includes('-h')) { console.log(usage()); process.exit(0); }
  for (let i = 0; i < argv.length; i++) {
    if (!argv[i].startsWith('--')) continue;
    const [k, inline] = argv[i].slice(2).split('=', 2);
    const v = inline ?? (argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true);
    // A typo must not start a 3-minute run that overwrites bench/results.
    if (!KNOWN.has(k)) { console.error(`bench: unknown option --${k}\n\n${usage()}`); process.exit(2); }
    o.set(k, v);
  }
  const num = (k, d) => (o.has(k) ? Number(o.get(k)) : d);
  const storage = String(o.get('storage') ?? 'sqlite');
  if (storage !== 'sqlite' && storage !== 'postgres') throw new Error('bench: --storage is sqlite or postgres');
  // A Postgres run measures scale-out only, unless other parts are asked for explicitly.
  const scale = storage === 'postgres';
  const scenario = String(o.get('scenario') ?? (scale ? '' : 'all'));
  return {
    duration: num('duration', 8), connections: num('connections', 50), workers: num('workers', availableParallelism()),
    scenarios: scenario === 'all' ? ['single', 'batch', 'gtag'] : scenario.split(',').filter(Boolean),
    warmup: num('warmup', 5), deliverySeconds: num('delivery-seconds', scale ? 0 : 60), deliveryRate: num('delivery-rate', 20_000),
    build: !o.has('no-build'), micro: !o.has('no-micro') && !scale, scale, instances: num('instances', 2), raw: Object.fromEntries(o),
    out: typeof o.get('out') === 'string' ? o.get('out') : join(ROOT, 'bench/results'),
  };
}


async function startPhiwall(opts, sinkUrl, workDir, label) {
  const dataDir = join(workDir, `data-${label}`);
  mkdirSync(dataDir, { recursive: true });
  const config = writeBenchConfig(ROOT, workDir, sinkUrl);
  const port = await freePort();
  const args = [join(ROOT, 'bin/phiwall.mjs'), 'serve', '--config', config, '--data', dataDir, '--port', String(port), '--host', '127.0.0.1', '--workers', String(opts.workers)];
  const server = await startServer(args, { port, logFile: join(workDir, `phiwall-${label}.log`), env: { PHIWALL_LOG_LEVEL: 'warn' } });
  // Every worker must be up before the clock starts.
  await waitForWorkers(server.url, opts.workers);
  for (let i = 0; i < 50; i++) { await fetch(`${server.url}/healthz`); }
  return { ...server, dataDir };
}

async function startNoop(opts, workDir) {
  const port = await freePort();
  return startServer([join(ROOT, 'bench/noop-server.mjs')], { port, logFile: join(workDir, 'noop.log'), env: { PORT: String(port), NOOP_WORKERS: String(opts.workers) } });
}

async function runScenario(name, requests, opts, sink, workDir) {
  const epr = eventsPerRequest(name);
  const load = { duration: opts.duration, connections: opts.connections, eventsPerRequest: epr };
  console.log(`\n[${name}] no-op server`);
  const noop = await startNoop(opts, workDir);
  await warm(noop, requests, opts.connections, opts.warmup);
  const noopRes = await drive(noop, requests, load);
  await stopChild(noop.child);
  console.log(`[${name}] phiwall (--workers ${opts.workers})`);
  const pw = await startPhiwall(opts, sink.url, workDir, name);
  // Warmed like the no-op, so both are measured with their hot paths compiled (a cold collector
  // spends a large share of a short run's CPU compiling them), and then left to deliver what the
  // warm-up spooled: the measured run starts with an empty backlog.
  await warm(pw, requests, opts.connections, opts.warmup);
  await drained(pw.dataDir);
  const before = await sinkStats(sink.url);
  const res = await drive(pw, requests, load);
  const after = await sinkStats(sink.url);
  const backlog = spoolBacklog(pw.dataDir);
  await stopChild(pw.child);
  console.log(`[${name}] phiwall at half of its maximum (${Math.round(res.rps / 2)} req/s)`);
  const half = await startPhiwall(opts, sink.url, workDir, `${name}-half`);
  // Evenly paced, latency from each request's scheduled time (see paced.mjs for why not autocannon's
  // rate). The first --warmup s (at least 3) at the same rate warm the JIT and reach steady state, and are not counted:
  // an open-loop load on a cold process queues up and would measure the warm-up.
  const halfLoad = { rate: Math.max(1, Math.round(res.rps / 2)), connections: opts.connections };
  await pacedDrive(half, requests, { ...halfLoad, duration: Math.max(3, opts.warmup) });
  // Then, as for the maximum above, what the warm-up spooled is delivered first: a cold collector
  // falls behind on delivery in those 3 s (10,000-32,000 rows left at 640 batches/s), and without
  // this the measured run's first second was that catch-up, not the steady state (94% of its
  // > 25 ms requests fell in that second in quiet runs; .tmp/h58/NOTES.md).
  const warmBacklog = spoolBacklog(half.dataDir).rows;
  await drained(half.dataDir);
  const halfRes = await pacedDrive(half, requests, { ...halfLoad, duration: opts.duration });
  const halfBacklog = spoolBacklog(half.dataDir);
  await stopChild(half.child);
  const delivered = after.deliveries - before.deliveries;
  const { requests: _sent, ...halfFigures } = halfRes; // with the stall figures of paced.mjs
  return {
    ...res, ratio_vs_noop: +(res.rps / Math.max(1, noopRes.rps)).toFixed(3), noop: noopRes,
    cpu_ratio_vs_noop: res.rps_per_cpu_core && noopRes.rps_per_cpu_core ? +(res.rps_per_cpu_core / noopRes.rps_per_cpu_core).toFixed(3) : null,
    delivered_per_s: Math.round(delivered / res.seconds), spool_backlog_rows: backlog.rows, dead_letters: backlog.dead,
    half_load: { ...halfFigures, spool_backlog_rows: halfBacklog.rows, warmup_backlog_rows: warmBacklog },
  };
}

/** Waits (up to 30 s) until phiwall's spools hold no row waiting for delivery. */
async function drained(dataDir) {
  const start = Date.now();
  while (spoolBacklog(dataDir).rows > 0 && Date.now() - start < 30_000) await new Promise((r) => setTimeout(r, 250));
}

/** Batches at a fixed event rate for a while: does delivery keep up, and is the backlog bounded? */
async function runDelivery(opts, requests, sink, workDir) {
  const seconds = opts.deliverySeconds;
  const rate = Math.round(opts.deliveryRate / eventsPerRequest('batch'));
  console.log(`\n[delivery] ${opts.deliveryRate} events/s for ${seconds} s`);
  const pw = await startPhiwall(opts, sink.url, workDir, 'delivery');
  const start = await sinkStats(sink.url);
  const samples = [];
  const timer = setInterval(() => { try { samples.push(spoolBacklog(pw.dataDir).rows); } catch { /* busy */ } }, 5000);
  const res = await drive(pw, requests, { duration: seconds, connections: opts.connections, eventsPerRequest: eventsPerRequest('batch'), overallRate: rate });
  clearInterval(timer);
  const end = await sinkStats(sink.url);
  const { rows: backlogEnd, dead: deadEnd } = spoolBacklog(pw.dataDir);
  const drainStart = Date.now();
  while (spoolBacklog(pw.dataDir).rows > 0 && Date.now() - drainStart < 30_000) await new Promise((r) => setTimeout(r, 500));
  const drainMs = Date.now() - drainStart;
  const left = spoolBacklog(pw.dataDir).rows;
  await stopChild(pw.child);
  const deliveredRows = end.deliveries - start.deliveries;
  const deliveredPerS = Math.round(deliveredRows / res.seconds);
  // An event becomes one row per destination that takes it (blocked pages and types a vendor
  // cannot take are skipped), so rows are compared with rows: everything
  // spooled during the run was delivered, is still waiting, or is a dead letter.
  const spooledRows = deliveredRows + backlogEnd + deadEnd;
  const deliveredShare = spooledRows ? deliveredRows / spooledRows : 0;
  return {
    offered_events_per_s: opts.deliveryRate, seconds, ingested_events_per_s: res.events_per_s, errors: res.errors, p99_ms: res.p99_ms,
    delivered_per_s: deliveredPerS, spooled_rows_per_s: Math.round(spooledRows / res.seconds), delivered_share: Number(deliveredShare.toFixed(3)),
    delivered_events_per_s: Math.round(res.events_per_s * deliveredShare), dead_letters: deadEnd, rss_mb: res.rss_mb,
    backlog_rows_samples: samples, backlog_rows_end: backlogEnd, drain_ms: left === 0 ? drainMs : null, backlog_rows_after_drain: left,
  };
}

function runMicro() {
  console.log('\n[micro] scrub engine vs redact-pii');
  const out = execFileSync(process.execPath, [join(ROOT, 'bench/micro/scrub.mjs'), '--json'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Sections this run did not measure come from the previous latest.json, with the command that measured them. */
function keepUnmeasured(results, out) {
  const file = join(out, 'latest.json');
  if (!existsSync(file)) return results;
  let prev;
  try { prev = JSON.parse(readFileSync(file, 'utf8')); } catch { return results; }
  const kept = {};
  for (const key of ['scenarios', 'delivery', 'micro', 'scale']) {
    const empty = results[key] === undefined || (key === 'scenarios' && Object.keys(results[key]).length === 0);
    if (!empty || prev[key] === undefined || (key === 'scenarios' && Object.keys(prev[key]).length === 0)) continue;
    results[key] = prev[key];
    kept[key] = prev.kept_from?.[key] ?? { command: prev.command, generated_at: prev.generated_at };
  }
  return Object.keys(kept).length ? { ...results, kept_from: kept } : results;
}

async function main() {
  const opts = parseOptions(process.argv.slice(2));
  const t0 = Date.now();
  if (opts.build) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  const workDir = mkdtempSync(join(tmpdir(), 'phiwall-bench-'));
  const sink = await startPortPrinter([join(ROOT, 'bench/sink.mjs')]);
  const events = loadCorpus(ROOT);
  const mixes = { single: singleRequests(events, BENCH_AUTH), batch: batchRequests(events, BENCH_AUTH), gtag: gtagRequests(events, BENCH_TID) };
  const scenarios = {};
  try {
    for (const name of opts.scenarios) {
      if (!mixes[name]) { console.warn(`bench: unknown scenario ${name}`); continue; }
      scenarios[name] = await runScenario(name, mixes[name], opts, sink, workDir);
      console.log(JSON.stringify(scenarios[name]));
    }
    const delivery = opts.deliverySeconds > 0 ? await runDelivery(opts, mixes.batch, sink, workDir) : undefined;
    if (delivery) console.log(JSON.stringify(delivery));
    const micro = opts.micro ? runMicro() : undefined;
    const scale = opts.scale ? await runScale({ root: ROOT, opts, requests: mixes.batch, sink, workDir, freePort }) : undefined;
    if (scale) console.log(JSON.stringify(scale));
    const results = keepUnmeasured({
      generated_at: new Date().toISOString(), command: `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: { cores: availableParallelism(), cpu: cpus()[0]?.model, node: process.version },
      options: { duration_s: opts.duration, warmup_s: opts.warmup, connections: opts.connections, workers: opts.workers },
      scenarios, delivery, micro, scale, wall_s: Math.round((Date.now() - t0) / 1000),
    }, opts.out);
    mkdirSync(opts.out, { recursive: true });
    writeFileSync(join(opts.out, 'latest.json'), JSON.stringify(results, null, 2) + '\n');
    const md = renderMarkdown(results);
    writeFileSync(join(opts.out, 'latest.md'), md);
    console.log(`\n${md}`);
  } finally {
    await stopChild(sink.child);
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
