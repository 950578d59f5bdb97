import { join } from 'node:path';
import { openPool } from '../spool/postgres/pool.js';
import { bindAggregateStorage } from '../aggregates/backend.js';
import { hashKeyOf } from '../config/secrets.js';
import type { RulesFile } from '../config/schema.js';
import { migrate } from '../spool/postgres/migrate.js';
import { Readiness } from '../spool/postgres/readiness.js';
import { loadConfig } from '../config/load.js';
import { DAY_MS } from '../aggregates/options.js';
import { makeRng } from '../aggregates/noise.js';
import type { AggregateStore } from '../aggregates/store.js';
import { attributionRows, loadAttribution, rollupRows, type ViewPolicy } from '../aggregates/views.js';
import { DEMO_DEST, DEMO_JOURNEYS, loadJourneyFile, repoRoot } from '../attribution/demo.js';
import { MODELS, parseModel, type ModelName } from '../attribution/models.js';
import { AggregateDestination } from '../destinations/aggregate.js';
import { compileRules } from '../rules/compile.js';
import type { JsonObject } from '../common/json.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

const USAGE = `usage:
  phiwall report attribution --model time-decay|last-click|first-touch|linear|u-shaped|w-shaped|all
                             --from YYYY-MM-DD --to YYYY-MM-DD [--destination NAME] [--config ...] [--data ...]
                             [--by day|range] [--demo | --journeys FILE] [--k 11] [--half-life-days 7] [--lookback-days 90] [--format table|json]
  phiwall report aggregates  --from YYYY-MM-DD --to YYYY-MM-DD [--destination NAME] [--config ...] [--data ...]   one JSON line per row
  phiwall report release     [--destination NAME] [--config ...] [--data ...]   publish due windows to the sinks now
`;

interface Source { store: AggregateStore; dest: string; policy: ViewPolicy; lookbackDays: number; halfLifeDays: number; destination?: AggregateDestination; close(): Promise<void> }

function day(text: string, end: boolean): number {
  const t = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text);
  if (!Number.isFinite(t)) throw new UsageError(`not a date: --${end ? 'to' : 'from'}`);
  return end && /^\d{4}-\d{2}-\d{2}$/.test(text) ? t + DAY_MS - 1 : t;
}

class UsageError extends Error {}

function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const v = args.flags.get(name);
  if (typeof v !== 'string') return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${name} must be a positive number`);
  return n;
}

/** With `storage.kind: postgres` the report reads the shared tables (its own small pool). */
function bindStorage(rules: RulesFile, dataDir: string): () => Promise<void> {
  const storage = rules.storage;
  if (storage?.kind !== 'postgres' || storage.url === undefined) return async () => undefined;
  const pool = openPool({ connectionString: storage.url, max: 2 }, (code) => process.stderr.write(`phiwall: idle database connection lost (${code})\n`));
  // One-shot: no background retries; a failure reaches the command's first query.
  const ready = new Readiness(() => migrate(pool).then(() => undefined), { background: false });
  bindAggregateStorage(dataDir, { postgres: { pool, ready }, hashKey: hashKeyOf(rules) });
  return () => pool.end();
}

async function openSource(args: ParsedArgs, needAttribution: boolean): Promise<Source> {
  const k = numberFlag(args, 'k');
  const file = args.flags.has('demo') ? join(repoRoot(), DEMO_JOURNEYS) : typeof args.flags.get('journeys') === 'string' ? flag(args, 'journeys', '') : undefined;
  if (file) {
    const store = await loadJourneyFile(file);
    return { store, dest: DEMO_DEST, policy: { k: k ?? 11, mode: 'other' }, lookbackDays: 90, halfLifeDays: 7, close: async () => store.close() };
  }
  const config = loadConfig(flag(args, 'config', DEFAULT_CONFIG));
  const dataDir = flag(args, 'data', DEFAULT_DATA);
  const plan = compileRules(config.rules, { dataDir });
  const endPool = bindStorage(config.rules, dataDir);
  const wanted = flag(args, 'destination', '');
  const dest = plan.destinations.map((d) => d.destination).find((d): d is AggregateDestination => d instanceof AggregateDestination && (!wanted || d.name === wanted) && (!needAttribution || d.config.attribution !== undefined));
  if (!dest) throw new UsageError(`no aggregate destination${wanted ? ` named ${wanted}` : ''}${needAttribution ? ' with attribution' : ''} in the configuration`);
  const c = dest.config;
  const close = () => Promise.all(plan.destinations.map((d) => d.destination.close())).then(endPool);
  // --k may only raise the threshold of a configured destination, never lower it.
  const policy: ViewPolicy = { k: Math.max(c.k, k ?? 0), mode: c.mode, epsilon: c.epsilon, rng: c.epsilon !== undefined ? makeRng(c.seed) : undefined };
  return { store: dest.store, dest: dest.name, policy, lookbackDays: c.attribution?.lookback_days ?? 90, halfLifeDays: c.attribution?.half_life_days ?? 7, destination: dest, close };
}

function pad(v: unknown, n: number, right = false): string {
  const s = typeof v === 'number' ? (Number.isInteger(v) ? String(v) : v.toFixed(4)) : String(v ?? '');
  return right ? s.padStart(n) : s.padEnd(n);
}

export function formatAttribution(rows: readonly JsonObject[]): string {
  const w = Math.max(11, ...rows.map((r) => String(r.day).length + 1));
  const lines = [`${pad('day', w)}${pad('model', 12)}${pad('row', 9)}${pad('channel', 16)}${pad('campaign', 18)}${pad('credit', 10, true)}${pad('value', 12, true)}${pad('conversions', 13, true)}`];
  for (const r of rows) {
    if (r.row === 'withheld') { lines.push(`${pad(r.day, w)}${pad(r.model, 12)}withheld (${String(r.reason)})`); continue; }
    lines.push(`${pad(r.day, w)}${pad(r.model, 12)}${pad(r.row, 9)}${pad(r.channel, 16)}${pad(r.campaign, 18)}${pad(r.credit, 10, true)}${pad(r.value, 12, true)}${pad(r.conversions, 13, true)}`);
  }
  return lines.join('\n') + '\n';
}

async function attribution(args: ParsedArgs, src: Source): Promise<JsonObject[]> {
  const name = flag(args, 'model', 'time-decay');
  const models: ModelName[] = name === 'all' ? [...MODELS] : [parseModel(name) ?? (() => { throw new UsageError(`unknown model ${name.slice(0, 40)} (known: ${MODELS.join(', ')}, all)`); })()];
  const from = day(flag(args, 'from', '1970-01-01'), false);
  const to = day(flag(args, 'to', new Date().toISOString().slice(0, 10)), true);
  const lookbackMs = (numberFlag(args, 'lookback-days') ?? src.lookbackDays) * DAY_MS;
  const halfLifeMs = (numberFlag(args, 'half-life-days') ?? src.halfLifeDays) * DAY_MS;
  const out: JsonObject[] = [];
  for (const model of models) {
    const q = { model, from, to, lookbackMs, halfLifeMs, period: flag(args, 'by', 'day') === 'range' ? 'range' as const : 'day' as const };
    const { journeys, conversions } = await loadAttribution(src.store, src.dest, q);
    out.push(...attributionRows(journeys, conversions, q, src.policy));
  }
  return out;
}

async function aggregates(args: ParsedArgs, src: Source): Promise<JsonObject[]> {
  const dest = src.destination;
  if (!dest) throw new UsageError('report aggregates needs a configured aggregate destination');
  const from = day(flag(args, 'from', '1970-01-01'), false);
  const to = day(flag(args, 'to', new Date().toISOString().slice(0, 10)), true);
  const rows = await src.store.cells(src.dest, dest.config.dimensions.join(','), from, to + 1);
  return rollupRows(rows, dest.config.dimensions, dest.config.window, src.policy);
}

export async function reportCommand(args: ParsedArgs): Promise<number> {
  const [, what] = args.positionals;
  if (!what || !['attribution', 'aggregates', 'release'].includes(what)) { process.stderr.write(USAGE); return 2; }
  let src: Source | undefined;
  try {
    src = await openSource(args, what === 'attribution');
    if (what === 'release') {
      if (!src.destination) throw new UsageError('report release needs a configured aggregate destination');
      process.stdout.write(JSON.stringify(await src.destination.release()) + '\n');
      return 0;
    }
    const rows = what === 'attribution' ? await attribution(args, src) : await aggregates(args, src);
    const json = flag(args, 'format', 'table') === 'json';
    if (json) process.stdout.write(rows.map((r) => JSON.stringify(r)).join('\n') + (rows.length ? '\n' : ''));
    else process.stdout.write(what === 'attribution' ? formatAttribution(rows) : rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
    return 0;
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`phiwall report: ${err.message}\n${USAGE}`);
    return 2;
  } finally {
    await src?.close();
  }
}
