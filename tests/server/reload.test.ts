import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_AUTH, REPO, readOutput, tempDir, waitFor, writeConfig } from '../helpers/collector.js';
import { exited, spawnCollector } from '../helpers/child-collector.js';

const base = `version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\n`;
const withSecond = `${base}destinations:\n  second: { type: file, allow: [event, visitor_id] }\n`;

describe('hot reload', () => {
  it('applies a valid config on SIGHUP, refuses an invalid one and keeps the old plan', async () => {
    const dataDir = tempDir();
    const configPath = writeConfig(base, tempDir());
    const c = await spawnCollector(configPath, dataDir);
    const send = (id: string) => fetch(`${c.url}/v1/track`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: DEMO_AUTH }, body: JSON.stringify({ type: 'track', event: 'E', messageId: id, anonymousId: 'a' }) });
    const version = async () => ((await (await fetch(`${c.url}/readyz`)).json()) as { plan: string }).plan;
    const v1 = await version();

    writeFileSync(configPath, withSecond);
    c.child.kill('SIGHUP');
    const v2 = await waitFor(version, (v) => v !== v1, 10_000);
    expect((await send('after-reload')).status).toBe(200);
    await waitFor(() => readOutput(dataDir, 'second').map((r) => r.message_id), (ids) => ids.includes('after-reload'));

    writeFileSync(configPath, `${withSecond}  third: { type: nonsense }\n`);
    c.child.kill('SIGHUP');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await version()).toBe(v2);
    expect((await send('still-working')).status).toBe(200);
    await waitFor(() => readOutput(dataDir, 'second').map((r) => r.message_id), (ids) => ids.includes('still-working'));
    const log = readFileSync(join(dataDir, 'serve.log'), 'utf8');
    expect(log).toMatch(/config reload refused/);
    expect(log).toMatch(/unknown destination type \\"nonsense\\"/);

    c.child.kill('SIGTERM');
    expect(await exited(c.child)).toBe(0);
  });
});
