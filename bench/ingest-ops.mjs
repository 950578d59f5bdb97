// CPU of ingest alone, per event (the real Runtime, the bench config: full pack, four destinations
// on a local sink, durable SQLite spool, cluster-worker dedup claims), delivery off: each round
// ingests --requests 20-event batches, --concurrency at a time (they share group commits), timing
// Runtime.ingest (the plan, accounting, dedup claims, payload texts, packs, group commit).
//   node --import tsx bench/ingest-ops.mjs [--root DIR] [--requests 1000] [--rounds 3] [--concurrency 20]
// Instruction counts of the last round (main thread: callgrind.out.1-01 with --separate-threads):
//   valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file --separate-threads=yes \
//     --callgrind-out-file=DIR/cg.out node --expose-gc --import tsx bench/ingest-ops.mjs --requests 300 --rounds 2 --cg
// --plan-only: the same events through processEvent alone (no spool), to subtract the plan.
import { rmSync } from 'node:fs';
import { arg, ROOT, CG, cg, fromRoot } from './ops-args.mjs';
const PLAN_ONLY = process.argv.includes('--plan-only');
const { BENCH_KEY } = await fromRoot('bench/config.mjs');
const { stopChild } = await fromRoot('bench/proc.mjs');
const { opsSetup } = await import('./ops-setup.mjs');
const REQUESTS = Number(arg('requests', 1000)), ROUNDS = Number(arg('rounds', 3)), CONC = Number(arg('concurrency', 20));
const src = (p) => fromRoot(`src/${p}`);
const { Runtime } = await src('runtime.ts');
const { processEvent } = await src('pipeline/process.ts');
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const { dir, sink, config, body, parse } = await opsSetup(ROOT, 'phiwall-ingest-ops-');
const rt = new Runtime({ configPath: config, dataDir: dir, clusterWorker: true, workerIndex: 0, deliver: false, logger: undefined });
const site = rt.site(BENCH_KEY);
try {
  for (let r = 0; r <= ROUNDS; r++) {
    const parsed = Array.from({ length: REQUESTS }, () => parse(rt, body()));
    globalThis.gc?.();
    const last = r === ROUNDS;
    if (CG && last) cg('--instr=on');
    const t = cpu();
    if (PLAN_ONLY) { for (const evs of parsed) for (const ev of evs) processEvent(ev, site, rt.plan, rt.visitorIds, Date.now(), rt.governance.gate); }
    else for (let k = 0; k < parsed.length; k += CONC) await Promise.all(parsed.slice(k, k + CONC).map((evs) => rt.ingest(evs, site)));
    const d = cpu() - t;
    if (CG && last) { cg('-d'); cg('--instr=off'); }
    const pending = (await rt.spool.stats()).pending;
    console.log(r === 0 ? 'warm-up' : `round ${r}`, JSON.stringify({ us_per_event: +(d / (REQUESTS * 20)).toFixed(2), events: REQUESTS * 20, spooled_rows: pending }));
  }
} finally {
  await rt.shutdown(5000);
  await stopChild(sink.child);
  rmSync(dir, { recursive: true, force: true });
}
