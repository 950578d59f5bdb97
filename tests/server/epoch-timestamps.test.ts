import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { post, readOutput, startCollector, waitFor, type Collector } from '../helpers/collector.js';

// Server SDKs and exports send the event time as a number since the epoch, in seconds or
// milliseconds, as a JSON number or as digits. Each is read as the instant it names; a number in
// no accepted range (a unit slip: 1970, the year 56000) is refused naming the field and the window.
describe('epoch timestamps', () => {
  let c: Collector;
  beforeAll(async () => { c = await startCollector(); });
  afterAll(async () => { await c.close(); });

  const at = Date.now() - 3_600_000; // an hour ago, whole ms
  const seconds = Math.floor(at / 1000);
  const track = (id: string, time: Record<string, unknown>) => ({ type: 'track', event: 'Gala Ticket Bought', messageId: id, anonymousId: 'anon-epoch', ...time });

  it.each([
    ['s-number', { timestamp: seconds }, seconds * 1000],
    ['s-fraction', { timestamp: at / 1000 }, at],
    ['s-digits', { timestamp: String(seconds) }, seconds * 1000],
    ['ms-number', { timestamp: at }, at],
    ['ms-digits', { timestamp: ` ${at} ` }, at],
    ['us-number', { timestamp: at * 1000 }, at],
    ['orig-ms', { originalTimestamp: at }, at],
  ])('reads %s as the instant it names', async (id, time, expected) => {
    const r = await post(`${c.url}/v1/batch`, { batch: [track(`epoch-${id}`, time)] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ accepted: 1 });
    const rows = await waitFor(() => readOutput(c.dataDir), (xs) => xs.some((x) => x.message_id === `epoch-${id}`));
    expect(rows.find((x) => x.message_id === `epoch-${id}`)?.timestamp).toBe(new Date(expected).toISOString());
  });

  it.each([
    ['timestamp', 42], ['timestamp', -1_700_000_000], ['timestamp', '99999999999999999999'], ['timestamp', 4_200_000_000],
    ['timestamp', 1.7e18], ['originalTimestamp', 123], ['timestamp', true],
  ])('refuses %s %s with a 400 naming the field and the accepted window', async (field, value) => {
    const r = await post(`${c.url}/v1/track`, track(`epoch-bad-${String(value)}`, { [field]: value }));
    expect(r.status).toBe(400);
    const message = (r.json.rejected as { message: string }[])[0]!.message;
    expect(message).toContain(`invalid event: ${field}:`);
    expect(message).toMatch(/seconds, milliseconds or microseconds since 1970-01-01 for a time from 2000-01-01 to 2100-01-01 UTC/);
    // The value itself is not echoed.
    if (typeof value === 'number' && Math.abs(value) > 1000) expect(message).not.toContain(String(value));
  });

  it('takes an invalid epoch event out of a batch on its own', async () => {
    const r = await post(`${c.url}/v1/batch`, { batch: [track('epoch-ok-in-batch', { timestamp: at }), track('epoch-bad-in-batch', { timestamp: 7 })] });
    expect(r.status).toBe(200);
    expect(r.json).toMatchObject({ accepted: 1, rejected: [{ index: 1, code: 'PW_ERR_INVALID_EVENT' }] });
  });
});
