import { describe, expect, it } from 'vitest';
import { post, readOutput, startCollector, tempDir, waitFor } from '../helpers/collector.js';

// A delivered pack's delete rides on the spool's next group commit (src/spool/sqlite/sqlite-spool.ts
// ACK_RIDE_MS), and a delivery round does not wait for its own ack (src/delivery/worker.ts
// pipelined()). A collector stopped right after delivering must still have deleted what it
// delivered: the next start sends nothing twice, and every delivery was counted once.
const track = (id: string) => ({ type: 'track', event: 'Clicked', messageId: id, anonymousId: 'anon-ride', properties: { cta: 'book' } });

describe('delivery acks riding on group commits', () => {
  it('stopped at once after delivering, the next start sends nothing again; each delivery is counted once', async () => {
    const dataDir = tempDir();
    const first = await startCollector({ dataDir, deliver: true });
    const ids = Array.from({ length: 30 }, (_, i) => `ride-${i}`);
    for (let i = 0; i < ids.length; i += 3) expect((await post(`${first.url}/v1/batch`, { batch: ids.slice(i, i + 3).map(track) })).status).toBe(200);
    await waitFor(() => readOutput(dataDir).length, (n) => n >= ids.length);
    await first.close(); // no pause: the last acks' deletes may still wait for a group commit
    expect((await first.runtime.metrics.delivered.get()).values.reduce((n, v) => n + v.value, 0)).toBe(ids.length);
    const second = await startCollector({ dataDir, deliver: true });
    await new Promise((r) => setTimeout(r, 1500)); // idle loops poll every 250 ms: a pack left on disk would go out now
    await second.close();
    const sent = readOutput(dataDir).map((r) => r.message_id);
    expect(sent.sort()).toEqual([...ids].sort());
  });
});
