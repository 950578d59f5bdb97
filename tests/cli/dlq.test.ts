import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { dlqCommand } from '../../src/cli/dlq.js';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { SqliteSpool } from '../../src/spool/sqlite/sqlite-spool.js';
import type { Spool } from '../../src/spool/port.js';
import { tempDir, writeConfig } from '../helpers/collector.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// `phiwall dlq` acts on every spool of the deployment: each cluster worker's SQLite file, or the
// shared Postgres spool when the config says so.
let out = '';
beforeEach(() => { out = ''; vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true; }); });
afterEach(() => { vi.restoreAllMocks(); });

const dlq = (...argv: string[]) => dlqCommand(parseArgs(['dlq', ...argv]));
const dead = (id: string) => ({ messageId: id, destination: 'ga4', payload: { event: 'x' }, dead: { code: 'GA4_TOO_OLD', reason: 'older than 72 hours' } });
const sqlite = (path: string) => new SqliteSpool({ path, maxRows: 1000, maxBytes: 1e9, synchronous: 'normal', groupCommitMs: 0 });

async function withDead(spool: Spool, ...ids: string[]): Promise<void> {
  await spool.enqueue(ids.map(dead));
  await spool.close();
}

describe('phiwall dlq over cluster workers\' SQLite spools', () => {
  it('lists, shows, replays and purges across worker 0 and worker 1, with ids naming the worker', async () => {
    const data = tempDir();
    await withDead(sqlite(join(data, 'spool.db')), 'm-0');
    await withDead(sqlite(join(data, 'w1', 'spool.db')), 'm-1a', 'm-1b');
    // Replay obeys the current config: the destination must be configured (and enabled) to take its dead letters back.
    const config = writeConfig('version: 1\ndestinations: { ga4: { type: ga4 } }\n');
    expect(await dlq('list', '--destination', 'ga4', '--data', data, '--config', config)).toBe(0);
    const listed = out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; messageId: string; code: string });
    expect(listed.map((d) => [d.id, d.messageId, d.code])).toEqual([['1', 'm-0', 'GA4_TOO_OLD'], ['w1:1', 'm-1a', 'GA4_TOO_OLD'], ['w1:2', 'm-1b', 'GA4_TOO_OLD']]);
    out = '';
    expect(await dlq('show', '--id', 'w1:2', '--data', data, '--config', config)).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ id: 'w1:2', messageId: 'm-1b', payload: { event: 'x' } });
    out = '';
    expect(await dlq('replay', '--destination', 'ga4', '--data', data, '--config', config)).toBe(0);
    expect(out).toBe('replayed 3\n');
    const w1 = sqlite(join(data, 'w1', 'spool.db'));
    expect((await w1.stats()).byDestination.ga4).toEqual({ pending: 2, dead: 0 });
    await w1.close();
  });
});

const run = postgresRequired();
describe.runIf(run)('phiwall dlq on the shared Postgres spool', () => {
  let server: TestPostgres;
  beforeAll(async () => { server = await startPostgres({ durable: false }); }, 60_000);
  afterAll(async () => { await server?.stop(); });

  it('reads the dead letters every instance shares, not a local file', async () => {
    const url = await server.createDatabase('dlq');
    await withDead(new PostgresSpool({ url, pool: 2, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 0, deadLetterDays: 14, maintenanceMs: 0 }), 'pg-1');
    const config = writeConfig(`version: 1\nstorage: { kind: postgres, url: "${url}", pool: 2 }\ndestinations: {}\n`);
    expect(await dlq('list', '--destination', 'ga4', '--config', config, '--data', tempDir())).toBe(0);
    expect(out.trim().split('\n').map((l) => (JSON.parse(l) as { messageId: string }).messageId)).toEqual(['pg-1']);
    out = '';
    expect(await dlq('purge', '--destination', 'ga4', '--config', config, '--data', tempDir())).toBe(0);
    expect(out).toBe('purged 1\n');
  });
});
