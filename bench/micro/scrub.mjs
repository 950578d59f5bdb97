// Scrub-engine micro-bench: the compiled plan on the corpus mix, one thread (= one core), vs
// redact-pii (npm) on every string of the same events. Also recall and clean-item alteration
// for both (bench/micro/accuracy.mjs). `--json` prints one JSON line last (used by bench/run.mjs).
import { build } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import redactPii from 'redact-pii';
import { BENCH_KEY, writeBenchConfig } from '../config.mjs';
import { loadCorpus } from '../workload.mjs';
import { measureAccuracy } from './accuracy.mjs';
import { serverEvents } from './server-events.mjs';
import { unseenEvents } from './unseen-events.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SECONDS = Number(process.env.MICRO_SECONDS ?? 3);
const work = mkdtempSync(join(tmpdir(), 'phiwall-micro-'));
process.once('exit', () => rmSync(work, { recursive: true, force: true }));

async function loadEngine() {
  // MICRO_ENGINE=path: a bundle built earlier (e.g. a copy from before a change), for before/after runs.
  if (process.env.MICRO_ENGINE) return import(pathToFileURL(resolve(process.env.MICRO_ENGINE)).href);
  // Inside the repo so its bare imports resolve from node_modules; dist/ is build output.
  const outfile = join(ROOT, 'dist/bench/engine.mjs');
  await build({ entryPoints: [join(ROOT, 'bench/micro/engine-entry.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: ROOT });
  return import(pathToFileURL(outfile).href);
}

/** One non-BAA destination that allows every field: the whole scrub engine, nothing projected away. */
function writeAccuracyConfig() {
  const path = join(work, 'accuracy.yaml');
  writeFileSync(path, `version: 1
include: ["${join(ROOT, 'rules/phiwall.yaml')}"]
sites: [{ name: bench, write_key: ${BENCH_KEY}, allowed_origins: ["http://localhost:*"], trusted_proxies: [], hosts: [www.northbay-health.example] }]
destinations:
  local_file: { type: file, enabled: false }
  scrubbed: { type: webhook, baa: false, allow: ["**"], options: { url: "http://127.0.0.1:9/hook" } }
`);
  return path;
}

const memoryIds = () => { const m = new Map(); return { idFor: (k, d) => { const key = `${d}|${k}`; let v = m.get(key); if (!v) { v = `pw_${m.size}`; m.set(key, v); } return v; } }; };

function timeLoop(events, fn) {
  const deadline = performance.now() + 500;
  for (let i = 0; performance.now() < deadline; i++) fn(events[i % events.length]);
  let n = 0;
  const start = performance.now();
  const cpu0 = process.cpuUsage();
  const end = start + SECONDS * 1000;
  while (performance.now() < end) { for (let i = 0; i < 100; i++) fn(events[(n + i) % events.length]); n += 100; }
  const cpu = process.cpuUsage(cpu0);
  // Per core = per CPU-second of this thread: the machine is shared, so wall time undercounts.
  return { events_per_s: Math.round(n / ((cpu.user + cpu.system) / 1e6)), wall_events_per_s: Math.round(n / ((performance.now() - start) / 1000)) };
}

function planRunner(engine, configPath, events) {
  const plan = engine.compileRules(engine.loadConfig(configPath).rules, { dataDir: work });
  return runnerFor(engine, plan, events);
}

/**
 * processEvent does not modify its input, so the timed loop hands it the corpus events as they
 * are (a structuredClone per call would time the harness, not the plan). Checked first: if an
 * engine ever mutated its input, every call gets a fresh copy instead.
 */
function runnerFor(engine, plan, events) {
  const site = plan.sitesByKey.get(BENCH_KEY);
  const ids = memoryIds();
  const run = (ev) => engine.processEvent(ev, site, plan, ids, Date.now());
  const mutates = events.some((ev) => { const before = JSON.stringify(ev); run(structuredClone(ev)); const copy = structuredClone(ev); run(copy); return JSON.stringify(copy) !== before; });
  return mutates ? (ev) => run(structuredClone(ev)) : run;
}

function redactAll(redactor, v) {
  if (typeof v === 'string') return redactor.redact(v);
  if (Array.isArray(v)) return v.map((x) => redactAll(redactor, x));
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, redactAll(redactor, x)]));
  return v;
}

async function main() {
  const engine = await loadEngine();
  // As the server has them: fresh JSON.parse objects (loadCorpus deletes a key, which leaves
  // V8 objects in a slower dictionary shape that parsed request bodies do not have).
  const events = loadCorpus(ROOT).map((e) => JSON.parse(JSON.stringify(e)));
  const labels = readFileSync(join(ROOT, 'tests/fixtures/corpus/labels.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const benchPlan = engine.compileRules(engine.loadConfig(writeBenchConfig(ROOT, work, 'http://127.0.0.1:9')).rules, { dataDir: work });
  const full = runnerFor(engine, benchPlan, events);
  const served = serverEvents(engine, benchPlan, events, 20_000);
  const scrubOnly = planRunner(engine, writeAccuracyConfig(), events);
  const redactor = new redactPii.SyncRedactor();
  const clones = events.map((e) => structuredClone(e));
  const phiwallAcc = measureAccuracy(events, labels, (ev) => {
    const out = scrubOnly(ev);
    if (out.kind !== 'routed' || out.rows.length === 0) return { text: undefined, kept: () => false };
    const text = JSON.stringify(out.rows.map((r) => r.payload));
    return { text, kept: (leaf) => text.includes(JSON.stringify(leaf).slice(1, -1)) };
  });
  const redactAcc = measureAccuracy(events, labels, (ev) => ({ text: JSON.stringify(redactAll(redactor, ev)), kept: (leaf) => redactor.redact(leaf) === leaf }));
  const result = {
    seconds_per_engine: SECONDS,
    phiwall: { ...timeLoop(events, scrubOnly), ...phiwallAcc, plan: 'bundled HIPAA pack, one non-BAA destination allowing every field' },
    phiwall_unseen: { ...timeLoop(unseenEvents(events, 20_000), scrubOnly), plan: 'one destination as above; every event new to the plan: its own page path, URL, visitor id and campaign label' },
    phiwall_four_destinations: { ...timeLoop(events, full), plan: 'bench config: ga4, meta, tiktok, webhook (BAA), destination payload mapping included' },
    phiwall_four_server_shaped: { ...timeLoop(served, full), plan: 'four destinations as above; the events as the single-event bench sends them and the server hands them on (server-events.mjs): a new messageId every event, 2,000 visitors, parsed by the ingest, context copied with the client ip' },
    redact_pii: { ...timeLoop(clones, (ev) => redactAll(redactor, ev)), ...redactAcc, version: JSON.parse(readFileSync(join(ROOT, 'node_modules/redact-pii/package.json'), 'utf8')).version },
  };
  if (!process.argv.includes('--json')) console.log(JSON.stringify(result, null, 2));
  else console.log(JSON.stringify(result));
}

await main();
