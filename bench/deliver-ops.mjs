// CPU of delivery alone, per delivered row (the real Runtime, the bench config: full pack, four
// destinations on a local sink, durable SQLite spool, cluster-worker dedup): each round ingests
// --requests 20-event batches with delivery off, then starts the workers and drains the spool to
// the sink, timing only the drain. The packs are read back from disk (the queues spill past
// 1,024 items), as under a sustained backlog.
//   node --import tsx bench/deliver-ops.mjs [--root DIR] [--requests 2000] [--rounds 3] [--prof FILE.cpuprofile]
// Instruction counts of the last round's drain (main thread: callgrind.out.1-01):
//   valgrind --tool=callgrind --instr-atstart=no --smc-check=all-non-file --separate-threads=yes \
//     --callgrind-out-file=DIR/cg.out node --expose-gc --import tsx bench/deliver-ops.mjs --requests 400 --rounds 2 --cg
// (--expose-gc: a full GC before each drain, so a drain does not pay for the ingest before it:
// without it, runs of the same code differed by up to 20% in instructions, by where GC fell.)
import { rmSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { arg, ROOT, CG, cg, fromRoot } from './ops-args.mjs';
const { BENCH_KEY } = await fromRoot('bench/config.mjs');
const { stopChild } = await fromRoot('bench/proc.mjs');
const { opsSetup } = await import('./ops-setup.mjs');
const REQUESTS = Number(arg('requests', 2000)), ROUNDS = Number(arg('rounds', 3)), PROF = arg('prof', '');
const src = (p) => fromRoot(`src/${p}`);
const { Runtime } = await src('runtime.ts');
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const { dir, sink, config, body, parse } = await opsSetup(ROOT, 'phiwall-deliver-ops-');
const stats = async () => { for (let k = 0; ; k++) { try { return await (await fetch(`${sink.url}/stats`, { headers: { connection: 'close' } })).json(); } catch (e) { if (k > 5) throw e; } } };
const rt = new Runtime({ configPath: config, dataDir: dir, clusterWorker: true, workerIndex: 0, deliver: false, logger: undefined });
const site = rt.site(BENCH_KEY);
const session = new Session(); session.connect();
let expect;
const sum = (s) => s.ga4 + s.meta + s.tiktok + s.webhook;
try {
  for (let r = 0; r <= ROUNDS; r++) {
    const parsed = Array.from({ length: REQUESTS }, () => parse(rt, body()));
    for (let k = 0; k < parsed.length; k += 20) await Promise.all(parsed.slice(k, k + 20).map((evs) => rt.ingest(evs, site)));
    const before = await stats();
    globalThis.gc?.();
    const prof = PROF && r === ROUNDS;
    if (prof) { await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); await session.post('Profiler.start'); }
    if (CG && r === ROUNDS) cg('--instr=on');
    const t = cpu(), w0 = Date.now();
    rt.startWorkers();
    if (expect === undefined) { while ((await rt.spool.stats()).pending > 0) await new Promise((res) => setTimeout(res, 20)); }
    else while (sum(await stats()) - sum(before) < expect) await new Promise((res) => setTimeout(res, 50));
    await Promise.all(rt.workers.map((w) => w.stop(5000)));
    const d = cpu() - t, wall = Date.now() - w0;
    if (CG && r === ROUNDS) { cg('-d'); cg('--instr=off'); }
    if (prof) { const { profile } = await session.post('Profiler.stop'); writeFileSync(PROF, JSON.stringify(profile)); }
    const rows = sum(await stats()) - sum(before);
    expect ??= rows;
    console.log(r === 0 ? 'warm-up' : `round ${r}`, JSON.stringify({ us_per_row: +(d / rows).toFixed(2), rows, wall_ms: wall, rows_per_cpu_s: Math.round(rows / (d / 1e6)) }));
  }
} finally {
  await rt.shutdown(5000);
  await stopChild(sink.child);
  rmSync(dir, { recursive: true, force: true });
}
