import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnCollector, type ChildCollector } from '../helpers/child-collector.js';
import { REPO, tempDir, waitFor } from '../helpers/collector.js';

// A second `phiwall serve` on the same data directory (by mistake) ingests into the same spool
// file but delivers nothing while the first consumes it: it says so at start, naming the other
// process's pid (no values), instead of looking healthy and silently not delivering.
describe('two phiwall serve on one data directory', () => {
  const data = tempDir();
  const running: ChildCollector[] = [];
  afterAll(async () => { for (const c of running) { c.child.kill('SIGTERM'); await exited(c.child); } });

  it('the second warns that another process consumes the spool file', async () => {
    const config = join(REPO, 'rules/phiwall.yaml');
    running.push(await spawnCollector(config, data, { PHIWALL_WORKERS: '1' }));
    await waitFor(() => (readFileSync(join(data, 'spool.db')).length), (n) => n > 0, 5000);
    await new Promise((r) => setTimeout(r, 500)); // the first has leased (claimed) by now: idle polls lease
    running.push(await spawnCollector(config, data, { PHIWALL_WORKERS: '1' }));
    const warning = await waitFor(() => readFileSync(join(data, 'serve.log'), 'utf8').split('\n').filter((l) => l.includes('another phiwall process consumes')), (w) => w.length > 0, 5000);
    expect(warning).toHaveLength(1);
    expect(JSON.parse(warning[0]!)).toMatchObject({ level: 40, pid: running[0]!.child.pid });
  });
});
