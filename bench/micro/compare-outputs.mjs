// Byte-for-byte comparison of two plan bundles' outputs (for hot-path changes that must change nothing):
//
//   node bench/micro/compare-outputs.mjs --base BUNDLE [--engine BUNDLE] [--passes 3] [--unseen 3000]
//
// BUNDLE: an engine bundle built from a checkout (bench/micro/engine-entry.ts, as plan-instructions.mjs builds
// it into dist/bench/engine.mjs); `--engine` defaults to this checkout's. Each bundle compiles its own plans (one
// destination allowing every field, and the bench's four) and runs the same events `--passes` times (the plans'
// cross-event memos warm after the first): tests/fixtures/corpus with and without timestamps, `--unseen` first-
// visit events, and query variants of every fixture page (QUERIES below: done steps, search and route parameters,
// escaped separators, fragments before and after, the query in the properties' copy or the referrer). Each
// outcome (rows, skips, hits, block reasons) is compared as JSON; prints the counts and the first differences.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BENCH_KEY, writeBenchConfig } from '../config.mjs';
import { unseenEvents } from './unseen-events.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const opt = (name, fallback) => { const i = args.indexOf(`--${name}`); return i < 0 ? fallback : args[i + 1]; };
const PASSES = Number(opt('passes', '3'));
const UNSEEN = Number(opt('unseen', '3000'));

// Queries a page may carry: inert ones, a form's done step named or not (a search parameter beside it, at the
// site's root or under a path, after a fragment), routes, escapes, a fragment route after the query.
const QUERIES = [
  '?utm_source=newsletter&utm_medium=email', '?page_id=12&step=confirmation', '?s=flu&step=thank-you', '?q=knee&status=completed',
  '?search=x&submitted=1', '?form=book-appointment&submitted=1', '?webform=refill-request&sid=55', '?submissionGuid=abc-123',
  '?event=memory-cafe&step=thank-you', '?id=anxiety-screening&status=completed', '?stage=thank-you&term=diabetes', '?k=1&done=true',
  '?task=thankyou&form=contact-us', '?paso=confirmacion', '?action=gf_submit&gf_page=confirmation', '?wpforms_return=1&wpforms_form=intake',
  '?page=billing/pay', '?route=patient-portal/messages', '?next=%2Fpatient-portal%2Finbox', '?url=https://mychart.example/login',
  '?option=com_portal&view=messages', '?q=depression+help', '?step=confirmation#/billing', '#/x?step=confirmation', '?step=confirmation#top',
  '?st%65p=confirmation', '?step=%63onfirmation', '?s=&step=done', '?=x&step=done', '?step', '?&&step=done&', '?email=jane%40mail.example&step=sent',
  '%3Fstep%3Dconfirmation', '?bmi=34', '?section=appointments&sub=confirm', '?utm_content=patients-newsletter&utm_campaign=portal-activation',
];
const PREFIXES = ['', '/index.php', '/thank-you', '/main.jsp'];
// Titles a done step is read under (title-verdicts.ts withDoneStep): forms whose done step blocks, and others.
const TITLES = [undefined, 'Schedule an Appointment | Northbay Health', 'Request a Prescription Refill', 'Contact Us | Northbay Health', 'Pay My Bill - Northbay', 'Thank You'];

if (args.includes('--child')) child();
else await parent();

async function bundle(outfile) {
  await build({ entryPoints: [join(ROOT, 'bench/micro/engine-entry.ts')], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning', absWorkingDir: ROOT });
  return outfile;
}

async function parent() {
  const base = opt('base');
  if (base === undefined) throw new Error('--base BUNDLE is required');
  const engine = opt('engine') ?? await bundle(join(ROOT, 'dist/bench/engine.mjs'));
  const [a, b] = await Promise.all([outputs(resolve(base)), outputs(resolve(engine))]);
  let differ = 0;
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (++differ <= 5) console.log(`difference at ${i}:\n  base   ${a[i]?.slice(0, 600)}\n  engine ${b[i]?.slice(0, 600)}`);
  }
  console.log(JSON.stringify({ compared: Math.min(a.length, b.length), base_outputs: a.length, engine_outputs: b.length, differences: differ }));
  if (differ > 0 || a.length !== b.length) process.exitCode = 1;
}

/** Each outcome of one bundle as a JSON line (run in a child so that both bundles start with empty memos). */
async function outputs(enginePath) {
  const { execFileSync } = await import('node:child_process');
  const me = fileURLToPath(import.meta.url);
  const out = execFileSync(process.execPath, [me, '--child', '--engine', enginePath, '--passes', String(PASSES), '--unseen', String(UNSEEN)], { maxBuffer: 1 << 30, encoding: 'utf8' });
  return out.split('\n').filter(Boolean);
}

function child() {
  import(pathToFileURL(opt('engine')).href).then((engine) => {
    const work = mkdtempSync(join(tmpdir(), 'phiwall-compare-'));
    try {
      const open = join(work, 'open.yaml');
      writeFileSync(open, `version: 1\ninclude: ["${join(ROOT, 'rules/phiwall.yaml')}"]\nsites: [{ name: bench, write_key: ${BENCH_KEY}, allowed_origins: ["http://localhost:*"], trusted_proxies: [], hosts: [www.northbay-health.example] }]\ndestinations:\n  local_file: { type: file, enabled: false }\n  scrubbed: { type: webhook, baa: false, allow: ["**"], options: { url: "http://127.0.0.1:9/hook" } }\n`);
      const plans = [open, writeBenchConfig(ROOT, work, 'http://127.0.0.1:9')].map((cfg) => engine.compileRules(engine.loadConfig(cfg).rules, { dataDir: work }));
      const events = eventSet();
      const lines = [];
      for (const plan of plans) {
        const site = plan.sitesByKey.get(BENCH_KEY);
        const m = new Map();
        const ids = { idFor: (k, d) => { const key = `${d}|${k}`; let v = m.get(key); if (!v) { v = `pw_${m.size}`; m.set(key, v); } return v; } };
        const now = Date.parse('2026-11-29T00:00:00Z');
        for (let pass = 0; pass < PASSES; pass++) for (const text of events) lines.push(JSON.stringify(engine.processEvent(JSON.parse(text), site, plan, ids, now)));
      }
      process.stdout.write(`${lines.join('\n')}\n`);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
}

/** The events as JSON texts (each run parses its own copy). */
function eventSet() {
  const corpus = readFileSync(join(ROOT, 'tests/fixtures/corpus/events.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).body.batch[0]);
  const untimed = corpus.map((e) => { const c = structuredClone(e); delete c.timestamp; return c; });
  const texts = [...corpus, ...untimed, ...unseenEvents(untimed, UNSEEN)].map((e) => JSON.stringify(e));
  for (const e of untimed) for (const v of queryVariants(e)) texts.push(JSON.stringify(v));
  return texts;
}

/** The event on its page with each query of QUERIES, in the URL, the properties' copy, or the referrer. */
function queryVariants(ev) {
  const url = ev.context?.page?.url ?? ev.properties?.url;
  if (typeof url !== 'string') return [];
  const cut = url.search(/[?#]/);
  const page = cut < 0 ? url : url.slice(0, cut);
  const origin = /^https?:\/\/[^/]+/.exec(page)?.[0] ?? '';
  const out = [];
  QUERIES.forEach((query, i) => {
    const prefix = PREFIXES[i % PREFIXES.length];
    const bases = [page, prefix === '' ? page : `${origin}${prefix}`];
    for (const b of bases) {
      const full = `${b}${query}`;
      const v = structuredClone(ev);
      v.messageId = `${ev.messageId}-q${i}-${b === page ? 'p' : 'r'}`;
      if (v.context?.page) v.context.page.url = full;
      // Every third: the properties keep the URL without the query; every fifth, the referrer carries it.
      if (v.properties && typeof v.properties.url === 'string') v.properties.url = i % 3 === 0 ? b : full;
      if (i % 5 === 0 && v.context?.page) v.context.page.referrer = `${origin}/start${query}`;
      const title = TITLES[(i + (b === page ? 0 : 1)) % TITLES.length];
      if (title !== undefined) { if (v.context?.page) v.context.page.title = title; if (v.properties) v.properties.title = title; if (v.type === 'page') v.name = title; }
      out.push(v);
    }
  });
  return out;
}
