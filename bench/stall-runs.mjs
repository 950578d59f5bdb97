// node bench/stall-runs.mjs WORKDIR [minMs (8)]: in a `paced-stalls.mjs --prof` run, the contiguous
// runs of CPU samples under one entry (a child of the profile's root: a macrotask, or consecutive
// ones of the same kind) with at least minMs of samples, inside the measured window, by process;
// grouped by their common stack prefix, with the src functions most often on their stacks.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const W = process.argv[2]; const MIN = Number(process.argv[3] ?? 8);
const res = JSON.parse(readFileSync(join(W, 'result.json'), 'utf8'));
const short = (u) => (u || '').replace(/^.*\/(src|dist|node_modules)\//, '$1/').replace(/^node:/, '');
for (const f of readdirSync(join(W, 'prof')).filter((p) => p.endsWith('.cpuprofile'))) {
  const pid = Number(f.split('.')[3]);
  const per = res.per.find((p) => p.pid === pid);
  const prof = JSON.parse(readFileSync(join(W, 'prof', f), 'utf8'));
  const byId = new Map(prof.nodes.map((n) => [n.id, n])); const parent = new Map();
  for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const path = (id) => { const s = []; for (let x = id; x !== undefined; x = parent.get(x)) s.push(x); return s.reverse(); };
  const name = (id) => { const c = byId.get(id).callFrame; return `${c.functionName || '(anon)'}@${short(c.url)}:${c.lineNumber}`; };
  let t = prof.startTime; const times = prof.timeDeltas.map((d) => (t += d));
  const runs = []; let cur = null;
  for (let i = 0; i < times.length; i++) {
    if (times[i] < res.startUs || times[i] > res.endUs) continue;
    const p = path(prof.samples[i]); const entry = p[1];
    const en = byId.get(entry)?.callFrame.functionName;
    const idle = en === '(idle)' || en === '(program)' && false;
    if (cur && cur.entry === entry && !idle) { cur.end = times[i]; cur.n++; cur.paths.push(p); }
    else { if (cur) runs.push(cur); cur = idle ? null : { entry, start: times[i], end: times[i], n: 1, paths: [p] }; }
  }
  if (cur) runs.push(cur);
  const IV = (prof.endTime - prof.startTime) / prof.samples.length / 1000; const long = runs.filter((r) => r.n * IV >= MIN);
  const summary = new Map();
  for (const r of long) {
    // common prefix of paths
    let k = 0; while (r.paths.every((p) => p[k] !== undefined && p[k] === r.paths[0][k])) k++;
    const pre = r.paths[0].slice(1, k).map(name).filter((s) => /src\/|dist\//.test(s) || true);
    // most frequent src frame among samples
    const fc = new Map(); for (const p of r.paths) { const seen = new Set(p.map((x)=>{const c=byId.get(x).callFrame; return /dist\/phiwall|dist\/primary|src\//.test(c.url)?`${c.functionName}`:null;}).filter(Boolean)); for (const s of seen) fc.set(s,(fc.get(s)??0)+1); }
    const key = pre.slice(0, 4).join(' > ');
    const s = summary.get(key) ?? { count: 0, ms: [], samples: 0, fc: new Map() };
    s.count++; s.ms.push(Math.round(r.n * IV * 10) / 10); s.samples += r.n;
    for (const [a,b] of fc) s.fc.set(a,(s.fc.get(a)??0)+b);
    summary.set(key, s);
  }
  const secs = (res.endUs - res.startUs) / 1e6;
  console.log(`\n== ${per?.primary ? 'primary' : 'worker'} ${pid} (loop p99 ${per?.p99} max ${per?.max}): ${long.length} runs >= ${MIN} ms CPU (sample interval ${IV.toFixed(2)} ms) in ${secs.toFixed(0)} s`);
  for (const [k, s] of [...summary].sort((a, b) => b[1].count - a[1].count)) {
    const top = [...s.fc].sort((a,b)=>b[1]-a[1]).slice(0,8).map(([a,b])=>`${a}:${b}`).join(' ');
    console.log(`  ${s.count}x [${s.ms.sort((a,b)=>b-a).slice(0,8).join(',')} ms] ${k}\n      frames: ${top}`);
  }
}
