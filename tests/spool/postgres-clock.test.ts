import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PostgresSpool } from '../../src/spool/postgres/postgres-spool.js';
import { issueReplayPermit } from '../../src/spool/replay-permit.js';
import { postgresRequired, startPostgres, type TestPostgres } from '../helpers/postgres.js';

// The Postgres spool's receipt, lease, retry and failure times are on a steady clock, as SQLite's
// (src/common/steady-clock.ts): a wall clock stepped while running neither ages rows nor holds
// back their retries, and a clock set back while stopped does not stall what was scheduled.
const HOUR = 3_600_000;
const run = postgresRequired();
let server: TestPostgres | undefined;
let n = 0;

beforeAll(async () => { if (run) server = await startPostgres({ durable: false }); });
afterAll(async () => { await server?.stop(); });
afterEach(() => { vi.useRealTimers(); });

const open = (url: string) => new PostgresSpool({ url, pool: 3, maxRows: 1000, maxBytes: 1e9, groupCommitMs: 1, deadLetterDays: 14, maintenanceMs: 0 });
const step = (ms: number) => vi.useFakeTimers({ now: Date.now() + ms, toFake: ['Date'], shouldAdvanceTime: true });

describe.runIf(run)('the Postgres spool clock', () => {
  it('a wall clock set forward does not age a row; set back, it does not hold back a retry due now', async () => {
    const spool = open(await server!.createDatabase(`clock_${++n}`));
    await spool.enqueue([{ messageId: 'm1', destination: 'd', payload: { a: 1 } }]);
    step(3 * HOUR);
    const [item] = await spool.lease('d', 10, 30_000);
    expect(spool.now() - item!.enqueuedAt).toBeLessThan(60_000); // was 3 hours: max_age_hours 1 dead-lettered it
    await spool.retry([item!.id], spool.now(), 'vendor 503');
    vi.useRealTimers();
    step(-5 * HOUR);
    expect((await spool.lease('d', 10, 30_000)).map((i) => i.messageId)).toEqual(['m1']); // was due 5 hours later
    await spool.close();
  });

  it('never starts behind the newest time the database holds (a clock set back while stopped stalls nothing)', async () => {
    const url = await server!.createDatabase(`clock_${++n}`);
    const a = open(url);
    await a.enqueue([{ messageId: 'm1', destination: 'd', payload: { a: 1 } }]);
    const [item] = await a.lease('d', 10, 30_000);
    await a.retry([item!.id], a.now(), 'vendor 503');
    const stored = a.now();
    await a.close();
    step(-5 * HOUR);
    const b = open(url);
    await b.ready.ensure();
    expect(b.now()).toBeGreaterThanOrEqual(stored);
    expect((await b.lease('d', 10, 30_000)).map((i) => i.messageId)).toEqual(['m1']);
    await b.close();
  });

  it('a dead letter replayed by another process whose clock reads ahead (wall clock stepped forward since the consumer started) is due at once', async () => {
    const url = await server!.createDatabase(`clock_${++n}`);
    const consumer = open(url);
    await consumer.enqueue([{ messageId: 'm1', destination: 'd', payload: { a: 1 } }]);
    await consumer.deadLetter((await consumer.lease('d', 10, 30_000)).map((l) => l.id), 'HTTP_400', 'invalid parameter');
    step(3 * HOUR);
    const cli = open(url); // `phiwall dlq replay` starts on the stepped wall clock
    expect(await cli.replayDead(issueReplayPermit({ destination: 'd', issuedAt: Date.now() }))).toBe(1);
    await cli.close();
    expect((await consumer.lease('d', 10, 30_000)).map((i) => i.messageId)).toEqual(['m1']); // was due 3 hours later
    await consumer.close();
  });
});
