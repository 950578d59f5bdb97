import { existsSync, readdirSync } from 'node:fs';
import { loadConfig } from '../config/load.js';
import type { RulesFile } from '../config/schema.js';
import { replayRefusal } from '../delivery/policy.js';
import type { Spool } from '../spool/port.js';
import { openStorage } from '../spool/storage.js';
import { SqliteSpool } from '../spool/sqlite/sqlite-spool.js';
import { DEFAULT_CONFIG, DEFAULT_DATA, flag, type ParsedArgs } from './args.js';
import { spoolPathFor } from './workers.js';

const USAGE = 'usage: phiwall dlq list|show|replay|purge --destination NAME [--id ID] [--config rules/phiwall.yaml] [--data ./data]\n';

/** One spool to act on; `prefix` makes its dead-letter ids unique across worker spools ("w1:42"). */
interface SpoolRef { prefix: string; spool: Spool }

/**
 * The spools holding this deployment's dead letters: the shared Postgres spool when the config
 * says so, else every cluster worker's SQLite spool in the data directory (the collector may be
 * running: WAL allows it).
 */
function openSpools(args: ParsedArgs, rules: RulesFile | undefined): SpoolRef[] {
  const dataDir = flag(args, 'data', DEFAULT_DATA);
  if (rules?.storage?.kind === 'postgres') return [{ prefix: '', spool: openStorage(rules, { dataDir }).spool }];
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

/** Dead-letter operations: list, show one, replay into the outbox, purge. */
export async function dlqCommand(args: ParsedArgs): Promise<number> {
  const [, action] = args.positionals;
  const destination = flag(args, 'destination', '');
  if (!action || !['list', 'show', 'replay', 'purge'].includes(action) || (!destination && action !== 'show')) {
    process.stderr.write(USAGE);
    return 2;
  }
  const configPath = flag(args, 'config', DEFAULT_CONFIG);
  const rules = existsSync(configPath) ? loadConfig(configPath).rules : undefined;
  // Replay obeys the current config: nothing moves for a destination that may not receive it now.
  const refused = action === 'replay' ? replayRefusal(rules, destination, Date.now()) : undefined;
  if (refused) {
    process.stderr.write(`replay refused: ${refused} (destination ${destination}); the dead letters stay\n`);
    return 1;
  }
  const spools = openSpools(args, rules);
  try {
    if (action === 'show') return await show(spools, flag(args, 'id', ''));
    if (action === 'list') {
      const limit = Number(flag(args, 'limit', '100'));
      for (const s of spools) for (const d of await s.spool.listDead(destination, limit)) process.stdout.write(JSON.stringify({ ...d, id: s.prefix + d.id }) + '\n');
    }
    if (action === 'replay') process.stdout.write(`replayed ${await sum(spools, (s) => s.replayDead(destination))}\n`);
    if (action === 'purge') process.stdout.write(`purged ${await sum(spools, (s) => s.purgeDead(destination))}\n`);
    return 0;
  } finally {
    await Promise.all(spools.map((s) => s.spool.close()));
  }
}
