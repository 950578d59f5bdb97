import { describe, expect, it } from 'vitest';
import { post, readOutput, startCollector, tempDir } from '../helpers/collector.js';

// A delivered pack's delete rides on the spool's next group commit (src/spool/sqlite/sqlite-spool.ts
// ACK_RIDE_MS), and a delivery round waits for the previous round's ack, not its own
// (src/delivery/worker.ts pipelined()). Every ack must still land and be counted once: a collector
// stopped as soon as its destination has everything sends nothing again at the next start. (The
// spool's own window, a close while a delete waits, is tests/spool/ack-ride.test.ts's: the runtime's
// shutdown takes longer than ACK_RIDE_MS before it closes the spool.)
const track = (id: string) => ({ type: 'track', event: 'Clicked', messageId: id, anonymousId: 'anon-ride', properties: { cta: 'book' } });

describe('delivery acks riding on group commits', () => {
  it('stopped at once after delivering, the next start sends nothing again; each delivery is counted once', async () => {
    const dataDir = tempDir();
    const first = await startCollector({ dataDir, deliver: true });
    const ids = Array.from({ length: 30 }, (_, i) => `ride-${i}`);
    for (let i = 0; i < ids.length; i += 3) expect((await post(`${first.url}/v1/batch`, { batch: ids.slice(i, i + 3).map(track) })).status).toBe(200);
    // Stopped as soon as the file destination has every event (polled every millisecond).
    for (const end = Date.now() + 10_000; readOutput(dataDir).length < ids.length && Date.now() < end;) await new Promise((r) => setTimeout(r, 1));
    await first.close();
    expect((await first.runtime.metrics.delivered.get()).values.reduce((n, v) => n + v.value, 0)).toBe(ids.length);
    const second = await startCollector({ dataDir, deliver: true });
    await new Promise((r) => setTimeout(r, 1500)); // idle loops poll every 250 ms: a pack left on disk would go out now
    await second.close();
    const sent = readOutput(dataDir).map((r) => r.message_id);
    expect(sent.sort()).toEqual([...ids].sort());
  });
});
