import { existsSync, readdirSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import type { RulesFile } from '../config/schema.js';
import { DLQ_CODE, replayDeadLetters } from '../delivery/replay.js';
import type { Spool } from '../spool/port.js';
import { openStorage, type Storage } from '../spool/storage.js';
import { errorCode } from '../errors.js';
import { openCliAudit, recordOrReport, type CliAudit } from './dlq-audit.js';
import { SqliteSpool } from '../spool/sqlite/sqlite-spool.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';
import { spoolPathFor } from './workers.js';

const USAGE = 'usage: phiwall dlq list|show|replay|purge --destination NAME [--id ID] [--code CODE] [--actor NAME] [--config rules/phiwall.yaml] [--data ./data]\n'
  + '  replay and purge are written to the audit log (actor: --actor, else cli:<OS user>)\n';

/** One spool to act on; `prefix` makes its dead-letter ids unique across worker spools ("w1:42"). */
interface SpoolRef { prefix: string; spool: Spool }

/**
 * The spools holding this deployment's dead letters: the shared Postgres spool when the config
 * says so, else every cluster worker's SQLite spool in the data directory (the collector may be
 * running: WAL allows it).
 */
function openSpools(args: ParsedArgs, rules: RulesFile | undefined, shared: Storage | undefined): SpoolRef[] {
  const dataDir = flag(args, 'data', DEFAULT_DATA);
  if (shared) return [{ prefix: '', spool: shared.spool }];
  const workers = existsSync(dataDir) ? readdirSync(dataDir).filter((d) => /^w[1-9]\d*$/.test(d)).map((d) => Number(d.slice(1))).sort((a, b) => a - b) : [];
  return [0, ...workers]
    .filter((i) => i === 0 || existsSync(spoolPathFor(dataDir, i)))
    .map((i) => ({
      prefix: i === 0 ? '' : `w${i}:`,
      spool: new SqliteSpool({ path: spoolPathFor(dataDir, i), maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER, synchronous: 'full', groupCommitMs: 0 }),
    }));
}

async function show(spools: readonly SpoolRef[], id: string): Promise<number> {
  const ref = spools.find((s) => s.prefix !== '' && id.startsWith(s.prefix)) ?? spools.find((s) => s.prefix === '');
  const d = ref ? await ref.spool.getDead(id.slice(ref.prefix.length)) : undefined;
  if (!d) { process.stderr.write('no such dead letter\n'); return 1; }
  process.stdout.write(JSON.stringify({ ...d, id: ref!.prefix + d.id }, null, 2) + '\n');
  return 0;
}

async function sum(spools: readonly SpoolRef[], op: (s: Spool) => Promise<number>): Promise<number> {
  let n = 0;
  for (const s of spools) n += await op(s.spool);
  return n;
}

/** Dead-letter operations: list, show one, replay into the outbox, purge (the last two audited). */
export async function dlqCommand(args: ParsedArgs): Promise<number> {
  const [, action] = args.positionals;
  const destination = flag(args, 'destination', '');
  const code = args.flags.has('code') ? flag(args, 'code', '') : undefined;
  const limit = Number(flag(args, 'limit', '100'));
  const bad = (action === 'show' && !args.flags.has('id')) || !Number.isSafeInteger(limit) || limit < 1;
  if (!action || !['list', 'show', 'replay', 'purge'].includes(action) || (!destination && action !== 'show') || (code !== undefined && !DLQ_CODE.test(code)) || bad) {
    process.stderr.write(USAGE);
    return 2;
  }
  const configPath = flag(args, 'config', DEFAULT_CONFIG);
  const rules = existsSync(configPath) ? loadConfig(configPath).rules : undefined;
  const shared = rules?.storage?.kind === 'postgres' ? openStorage(rules, { dataDir: flag(args, 'data', DEFAULT_DATA) }) : undefined;
  const spools = openSpools(args, rules, shared);
  try {
    if (action === 'show') return await show(spools, flag(args, 'id', ''));
    if (action === 'list') {
      for (const s of spools) for (const d of await s.spool.listDead(destination, limit)) process.stdout.write(JSON.stringify({ ...d, id: s.prefix + d.id }) + '\n');
      return 0;
    }
    let audit: CliAudit;
    try {
      audit = await openCliAudit(flag(args, 'data', DEFAULT_DATA), shared?.postgres, args.flags.has('actor') ? flag(args, 'actor', '') : undefined);
    } catch (err) {
      process.stderr.write(`phiwall: audit log unavailable (${errorCode(err)}); nothing was done\n`);
      return 1;
    }
    try {
      return action === 'replay' ? await replay(spools, rules, audit, destination, code) : await purge(spools, audit, destination);
    } finally {
      const closed = await audit.close();
      if (closed.keptIn) process.stderr.write(`phiwall: ${closed.unwritten} audit record(s) kept in ${closed.keptIn} (data directory); the next collector start on it writes them\n`);
    }
  } finally {
    await Promise.all(spools.map((s) => s.spool.close()));
  }
}

/** Replay obeys the current config (src/delivery/replay.ts); refused or not, it is audited. */
async function replay(spools: readonly SpoolRef[], rules: RulesFile | undefined, audit: CliAudit, destination: string, code: string | undefined): Promise<number> {
  const out = await replayDeadLetters(spools.map((s) => s.spool), rules, { destination, code });
  const filter = { destination, code: code ?? null };
  if ('refused' in out) {
    await recordOrReport(audit, 'dlq.replay', { ...filter, result: 'refused', refused: out.refused, kept: out.kept ?? 0 });
    const kept = out.kept ? `; ${out.kept} dead letters scrubbed under the expired BAA` : '';
    process.stderr.write(`replay refused: ${out.refused} (destination ${destination})${kept}; the dead letters stay\n`);
    return 1;
  }
  const written = await recordOrReport(audit, 'dlq.replay', { ...filter, result: 'replayed', replayed: out.replayed, kept: out.kept });
  process.stdout.write(`replayed ${out.replayed}\n`);
  if (out.kept) process.stdout.write(`kept ${out.kept} (BAA_EXPIRED: scrubbed under the BAA that has expired)\n`);
  return written ? 0 : 1;
}

async function purge(spools: readonly SpoolRef[], audit: CliAudit, destination: string): Promise<number> {
  const purged = await sum(spools, (s) => s.purgeDead(destination));
  const written = await recordOrReport(audit, 'dlq.purge', { destination, purged });
  process.stdout.write(`purged ${purged}\n`);
  return written ? 0 : 1;
}
