import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, readOutput, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { exited, metric, request, spawnCollector } from '../helpers/child-collector.js';

const base = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`;
const withSecond = `${base}destinations:\n  second: { type: file, allow: [event, visitor_id] }\n`;

/** Plan versions the collector runs, with how many workers run each (a cluster's /metrics covers every worker). */
async function plans(url: string): Promise<{ versions: Record<string, number>; workers: number; refused: number }> {
  const text = (await request(`${url}/metrics`, 'GET')).text;
  const versions = Object.fromEntries([...text.matchAll(/^phiwall_plan_info\{version="([^"]+)"\} (\d+)$/gm)].map((m) => [m[1], Number(m[2])]));
  return { versions, workers: metric(text, 'phiwall_cluster_workers') || 1, refused: metric(text, 'phiwall_config_reloads_total', '{result="refused"}') };
}

// Against the default `phiwall serve` (a cluster on a multi-core machine): SIGHUP reaches every worker.
describe('hot reload', () => {
  it('applies a valid config on SIGHUP in every worker, refuses an invalid one in each and keeps the old plan', async () => {
    const dataDir = tempDir();
    const configPath = writeConfig(base, tempDir());
    const c = await spawnCollector(configPath, dataDir);
    const send = (id: string) => request(`${c.url}/v1/track`, 'POST', { type: 'track', event: 'E', messageId: id, anonymousId: 'a' });
    const before = await plans(c.url);
    const [v1] = Object.keys(before.versions);
    expect(before.versions).toEqual({ [v1]: before.workers });

    writeFileSync(configPath, withSecond);
    c.child.kill('SIGHUP');
    // A worker busy compiling when /metrics is scraped is left out of that scrape (phiwall_cluster_workers_reporting),
    // so wait for every worker to report the new plan, not for the old one to be gone.
    const everyWorkerOn = (p: { versions: Record<string, number>; workers: number }) => Object.keys(p.versions).length === 1 && Object.values(p.versions)[0] === p.workers;
    const after = await waitFor(() => plans(c.url), (p) => everyWorkerOn(p) && !(v1 in p.versions), 10_000);
    const [v2] = Object.keys(after.versions);
    expect(after.versions).toEqual({ [v2]: after.workers });
    const ids = ['after-reload-0', 'after-reload-1', 'after-reload-2'];
    for (const id of ids) expect((await send(id)).status).toBe(200);
    await waitFor(() => readOutput(dataDir, 'second').map((r) => r.message_id), (got) => ids.every((id) => got.includes(id)));

    writeFileSync(configPath, `${withSecond}  third: { type: nonsense }\n`);
    c.child.kill('SIGHUP');
    // Each worker refuses it on SIGHUP and may refuse it again on the file watch's reload (300 ms later):
    // waiting for exactly one refusal a worker missed that window when a reload took longer (a larger pack, a loaded machine).
    const refused = await waitFor(() => plans(c.url), (p) => p.refused >= p.workers && everyWorkerOn(p), 10_000);
    expect(refused.versions).toEqual({ [v2]: refused.workers });
    expect((await send('still-working')).status).toBe(200);
    await waitFor(() => readOutput(dataDir, 'second').map((r) => r.message_id), (got) => got.includes('still-working'));
    const log = readFileSync(join(dataDir, 'serve.log'), 'utf8');
    expect(log).toMatch(/config reload refused/);
    expect(log).toMatch(/unknown destination type \\"nonsense\\"/);

    c.child.kill('SIGTERM');
    expect(await exited(c.child)).toBe(0);
  });
});
