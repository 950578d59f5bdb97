// CPU per request by stage, from the profiles `node bench/profile.mjs` wrote:
//   node bench/profile-stages.mjs [--dir <tmpdir>/phiwall-profile/prof] [--top 25] [--detail REGEX]
// Only samples inside window.json's measured run count (not start-up, not the warm-up), summed over
// every profiled process (primary and workers), divided by the run's requests. Two views:
// - stage: each sample goes to the deepest frame of our own code on its stack (src/common helpers
//   count for their caller), so the libraries and native calls a stage makes are its cost; samples
//   with no frame of ours go to the runtime part that ran them (HTTP parsing, timers, ...);
// - entry: the outermost frame of ours (what the event loop ran: the request handler, a group
//   commit's timer, a delivery round, ...), which splits ingest from delivery;
// - self: the function that was running (our file, npm package or node module), for the top entries.
// Frames are mapped back to src/ through dist/*.js.map (node:module's SourceMap).
// V8 samples on a wall clock: on a shared machine a descheduled thread's sample spans the time it
// waited. Each sample counts at most the profile's median interval, and each process's samples are
// then scaled to its measured CPU time in the window (utime + stime, window.json's cpuUs), so the
// totals are CPU; time blocked in a system call (fsync, SQLite's busy sleep) still counts as a share.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const opt = (name, fallback) => { const i = process.argv.indexOf(`--${name}`); return i < 0 ? fallback : process.argv[i + 1]; };
const dir = opt('dir', join(tmpdir(), 'phiwall-profile', 'prof'));
const top = Number(opt('top', '25'));
// --detail RE: the stages matching RE split by the deepest function of ours they were charged to.
const detail = opt('detail', undefined) ? new RegExp(opt('detail', '')) : undefined;
const win = JSON.parse(readFileSync(join(dir, 'window.json'), 'utf8'));

const maps = new Map();
function sourceOf(url, line, col) {
  if (!url.startsWith('file://') || !url.endsWith('.js')) return null;
  if (!maps.has(url)) {
    const file = fileURLToPath(url);
    maps.set(url, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null);
  }
  const map = maps.get(url);
  const e = map?.findEntry(line, col);
  return e?.originalSource ? e.originalSource.replace(/^.*?\/(src|node_modules)\//, '$1/') : fileURLToPath(url);
}

// Our own stages, by the src/ path of the deepest frame of ours.
const STAGES = [
  [/^src\/(pipeline|rules)\//, 'plan (scrub, projection)'],
  [/^src\/(server|ingest)\//, 'route, body, validation'],
  [/^src\/runtime-dedup|^src\/spool\/ingest-dedup/, 'dedup claims'],
  [/^src\/spool\//, 'spool (group commit, packs)'],
  [/^src\/(delivery|destinations)\//, 'delivery (workers, vendor bodies)'],
  [/^src\/audit\//, 'ledger / audit'],
  [/^src\/observability\//, 'metrics, logging'],
  [/^src\/(runtime|runtime-account)\.ts/, 'runtime (enrich, accept)'],
  [/^src\/governance\//, 'governance'],
  [/^src\/aggregates\//, 'aggregates'],
  [/^src\/cli\//, 'cli / cluster'],
  [/^src\//, 'other src'],
];
const stageOf = (src) => STAGES.find(([re]) => re.test(src))?.[1] ?? null;

function runtimePart(url, fn) {
  if (fn === '(garbage collector)') return 'GC';
  if (fn === '(program)') return '(program: native, unattributed)';
  if (/^node:_http|^node:internal\/http|node:internal\/streams|^node:net|^node:stream/.test(url)) return 'node http/net (no frame of ours)';
  if (/node_modules\/(@hono|hono)\//.test(url) || /node_modules\/(hono|@hono)/.test(url)) return 'hono (no frame of ours)';
  if (/undici/.test(url)) return 'undici (no frame of ours)';
  if (/timers|task_queues|async_hooks/.test(url)) return 'timers, microtasks';
  if (/cluster|child_process/.test(url)) return 'cluster IPC';
  return url ? `other: ${url.replace(/^.*node_modules\//, '').split('/')[0]}` : `native: ${fn}`;
}

function selfName(src, url, fn) {
  if (src?.startsWith('src/')) return `${src}:${fn || '(anon)'}`;
  if (src?.startsWith('node_modules/')) return `${src.split('/').slice(0, src.split('/')[1].startsWith('@') ? 3 : 2).join('/')}:${fn || '(anon)'}`;
  return `${url || 'native'}:${fn || '(anon)'}`;
}

const stage = new Map();
const self = new Map();
const entry = new Map();
const details = new Map();
const add = (m, k, v) => m.set(k, (m.get(k) ?? 0) + v);
let busy = 0; let procs = 0;
const perProc = [];
for (const f of readdirSync(dir).filter((n) => n.endsWith('.cpuprofile'))) {
  const p = JSON.parse(readFileSync(join(dir, f), 'utf8'));
  if (p.endTime < win.startUs || p.startTime > win.endUs) continue;
  procs++;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const labels = new Map();
  const label = (id) => {
    if (labels.has(id)) return labels.get(id);
    const { url, functionName, lineNumber, columnNumber } = byId.get(id).callFrame;
    const src = sourceOf(url, lineNumber, columnNumber);
    let st = null; let at = null;
    for (let a = id; a !== undefined && !st; a = parent.get(a)) {
      const cf = byId.get(a).callFrame;
      const s = sourceOf(cf.url, cf.lineNumber, cf.columnNumber);
      if (s?.startsWith('src/') && !s.startsWith('src/common/')) { st = stageOf(s); at = `${s}:${cf.functionName || '(anon)'}`; }
    }
    for (let a = id; a !== undefined && !st; a = parent.get(a)) {
      const cf = byId.get(a).callFrame;
      if (sourceOf(cf.url, cf.lineNumber, cf.columnNumber)?.startsWith('src/common/')) st = 'common helpers (no caller)';
    }
    let entry;
    for (let a = id; a !== undefined; a = parent.get(a)) {
      const cf = byId.get(a).callFrame;
      const s = sourceOf(cf.url, cf.lineNumber, cf.columnNumber);
      if (s?.startsWith('src/') && !s.startsWith('src/common/')) entry = `${s}:${cf.functionName || '(anon)'}`;
    }
    const l = { stage: st ?? runtimePart(url, functionName), entry: entry ?? '(no frame of ours)', self: selfName(src, url, functionName), at, idle: functionName === '(idle)' };
    labels.set(id, l);
    return l;
  };
  const pid = f.split('.').at(-4);
  const interval = [...p.timeDeltas].sort((a, b) => a - b)[p.timeDeltas.length >> 1];
  const st0 = new Map(); const sf0 = new Map(); const se0 = new Map(); const sd0 = new Map();
  let t = p.startTime; let mine = 0;
  const role = p.nodes.some((n) => n.callFrame.url.endsWith('/phiwall.js')) ? 'worker' : 'primary';
  for (let i = 0; i < p.samples.length; i++) {
    t += p.timeDeltas[i];
    const dt = Math.min(p.timeDeltas[i + 1] ?? 0, interval);
    if (t < win.startUs || t > win.endUs) continue;
    const l = label(p.samples[i]);
    if (l.idle) continue;
    mine += dt;
    add(st0, l.stage, dt);
    add(sf0, l.self, dt);
    add(se0, l.entry, dt);
    if (detail && detail.test(l.stage)) add(sd0, `${l.stage} <- ${l.at ?? '(none)'}`, dt);
  }
  const cpu = win.cpuUs?.[pid];
  const k = cpu && mine ? cpu / mine : 1;
  for (const [key, v] of st0) add(stage, key, v * k);
  for (const [key, v] of sf0) add(self, key, v * k);
  for (const [key, v] of se0) add(entry, key, v * k);
  for (const [key, v] of sd0) add(details, key, v * k);
  busy += mine * k;
  perProc.push(`${role} ${pid}: ${((mine * k) / win.requests).toFixed(1)}${cpu ? '' : ' (no CPU figure: samples)'}`);
}

const per = (us) => (us / win.requests).toFixed(1);
const pct = (us) => `${((100 * us) / busy).toFixed(1)}%`;
console.log(`${win.scenario}: ${win.requests} requests in ${((win.endUs - win.startUs) / 1e6).toFixed(1)} s, ${procs} processes, CPU ${per(busy)} µs per request (profiler on)`);
console.log(`per process (µs/request): ${perProc.join(', ')}`);
console.log('\n| stage (deepest frame of ours) | µs/request | share |\n|---|---:|---:|');
for (const [k, v] of [...stage].sort((a, b) => b[1] - a[1])) console.log(`| ${k} | ${per(v)} | ${pct(v)} |`);
console.log(`\n| entry (outermost frame of ours, top ${top}) | µs/request | share |\n|---|---:|---:|`);
for (const [k, v] of [...entry].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${k} | ${per(v)} | ${pct(v)} |`);
console.log(`\n| self (top ${top}) | µs/request | share |\n|---|---:|---:|`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${k} | ${per(v)} | ${pct(v)} |`);
if (detail) {
  console.log(`\n| stage <- deepest function of ours (stages matching ${detail}, top ${top}) | µs/request | share |\n|---|---:|---:|`);
  for (const [k, v] of [...details].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`| ${k} | ${per(v)} | ${pct(v)} |`);
}
