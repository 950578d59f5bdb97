import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGa4Fake } from '../fakes/ga4.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { REPO, writeConfig } from '../helpers/collector.js';

const run = promisify(execFile);

describe('phiwall check', () => {
  let fake: FakeServer;
  beforeAll(async () => { fake = await startGa4Fake(); });
  afterAll(async () => { await fake.close(); });

  it('--validate posts sample payloads to /debug/mp/collect and prints the result', async () => {
    const config = writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\ndestinations:\n  ga4:\n    type: ga4\n    allow: [event, visitor_id, page.url, page.path, campaign.*, properties.value, properties.currency]\n    options: { measurement_id: G-TEST123, api_secret: s3cret, endpoint: "${fake.url}" }\n`);
    const { stdout } = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'check', '--config', config, '--validate'], { cwd: REPO });
    expect(stdout).toMatch(/^ok: plan /);
    expect(stdout).toContain('ga4: 2 sample payload(s) valid');
    expect(fake.requests.some((r) => r.path === '/debug/mp/collect')).toBe(true);
  });

  it('exits 1 with file:line for an invalid config', async () => {
    const config = writeConfig('version: 1\nsites:\n  - name: s\n    write_key: k\n    require_consent: maybe\n');
    const err = await run(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'check', '--config', config], { cwd: REPO }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/phiwall\.yaml:5:\d+: sites\[0\]\.require_consent/);
  });

  it('dry-run prints one line per (event, destination) with the exact payload, or the block reason', async () => {
    const child = execFile(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'dry-run', '--config', join(REPO, 'rules/phiwall.yaml')], { cwd: REPO });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    child.stdin!.end([
      JSON.stringify({ type: 'track', event: 'Form Submitted', messageId: 'dr-1', anonymousId: 'a', properties: { email: 'x@example.com', service_line: 'cardiology' } }),
      JSON.stringify({ batch: [{ type: 'page', messageId: 'dr-2', anonymousId: 'a', context: { page: { path: '/patient-portal/x' } } }] }),
    ].join('\n') + '\n');
    await new Promise((r) => child.on('close', r));
    const lines = out.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ messageId: 'dr-1', destination: 'local_file', payload: { event_name: 'Form Submitted', properties: { service_line: 'cardiology' } } });
    expect(JSON.stringify(lines[0])).not.toContain('x@example.com');
    expect(lines[1]).toEqual({ messageId: 'dr-2', blocked: 'patient_portal' });
  });
});
