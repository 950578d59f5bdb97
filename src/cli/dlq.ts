import { join } from 'node:path';
import { SqliteSpool } from '../spool/sqlite/sqlite-spool.js';
import { DEFAULT_DATA, flag, type ParsedArgs } from './args.js';

/** Dead-letter operations on the spool of a data directory (the collector may be running: WAL allows it). */
export async function dlqCommand(args: ParsedArgs): Promise<number> {
  const [, action] = args.positionals;
  const destination = flag(args, 'destination', '');
  if (!action || !['list', 'show', 'replay', 'purge'].includes(action) || (!destination && action !== 'show')) {
    process.stderr.write('usage: phiwall dlq list|show|replay|purge --destination NAME [--id N] [--data ./data]\n');
    return 2;
  }
  const spool = new SqliteSpool({ path: join(flag(args, 'data', DEFAULT_DATA), 'spool.db'), maxRows: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER, synchronous: 'full', groupCommitMs: 0 });
  try {
    if (action === 'list') for (const d of await spool.listDead(destination, Number(flag(args, 'limit', '100')))) process.stdout.write(JSON.stringify(d) + '\n');
    if (action === 'show') {
      const d = await spool.getDead(flag(args, 'id', ''));
      if (!d) { process.stderr.write('no such dead letter\n'); return 1; }
      process.stdout.write(JSON.stringify(d, null, 2) + '\n');
    }
    if (action === 'replay') process.stdout.write(`replayed ${await spool.replayDead(destination)}\n`);
    if (action === 'purge') process.stdout.write(`purged ${await spool.purgeDead(destination)}\n`);
    return 0;
  } finally {
    await spool.close();
  }
}
