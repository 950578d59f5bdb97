import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRunLine } from '../../src/cli/dry-run.js';
import { loadConfig } from '../../src/config/load.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir } from '../helpers/collector.js';

// README "Command line": dry-run prints, per (event, destination), the payload that would be sent
// or why the destination gets nothing.
describe('phiwall dry-run', () => {
  const plan = compileRules(loadConfig(join(REPO, 'rules/examples/ad-platforms.yaml'), {}).rules, { dataDir: tempDir() });

  it('an event Meta refuses (no user agent) is one skipped line carrying the dead-letter payload, not a payload line too', () => {
    const lines = dryRunLine({ type: 'track', event: 'Contact Form Submitted', messageId: 'm-1', anonymousId: 'a-1', properties: { service_line: 'cardiology' } }, plan, { idFor: () => 'pw_1' });
    const meta = lines.filter((l) => l.destination === 'meta');
    expect(meta).toHaveLength(1);
    expect(meta[0]!.skipped).toBe('META_NO_USER_AGENT');
    expect(meta[0]!.payload).toBeDefined();
    const ga4 = lines.filter((l) => l.destination === 'ga4');
    expect(ga4).toHaveLength(1);
    expect(ga4[0]!.skipped).toBeUndefined();
    expect(JSON.stringify(ga4[0]!.payload)).toContain('service_line');
  });

  it('a rejected event is printed under its own messageId, or its place in the batch when it has no plain one', () => {
    const lines = dryRunLine({ batch: [
      { type: 'track', event: 'E', messageId: 'ok-1', anonymousId: 'a' },
      { type: 'track', event: 'E', messageId: 'bad-2', anonymousId: 'a', properties: null },
      { type: 'track', event: 'E', messageId: { x: 1 }, anonymousId: 'a', traits: 'text' },
    ] }, plan, { idFor: () => 'pw_3' });
    expect(lines.filter((l) => l.rejected !== undefined).map((l) => [l.messageId, l.rejected])).toEqual([
      ['bad-2', 'PW_ERR_INVALID_EVENT'], ['#2', 'PW_ERR_INVALID_EVENT'],
    ]);
  });

  it('--destination keeps only that destination, skipped lines included', () => {
    const lines = dryRunLine({ type: 'track', event: 'E', messageId: 'm-2', anonymousId: 'a-2' }, plan, { idFor: () => 'pw_2' }, 'meta');
    expect(lines.map((l) => [l.destination, l.skipped])).toEqual([['meta', 'META_NO_USER_AGENT']]);
  });

  it('--destination naming no destination of the config is exit 2 naming the ones there, not an empty output that reads as "gets nothing"', () => {
    const r = spawnSync(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'dry-run', '--config', join(REPO, 'rules/examples/ad-platforms.yaml'), '--destination', 'metaa'], {
      cwd: REPO, encoding: 'utf8', input: JSON.stringify({ type: 'track', event: 'E', anonymousId: 'a' }) + '\n',
    });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--destination names no enabled destination of the config \(.*\bmeta\b.*\)/);
  });

  it('exits 0 without an EPIPE stack when the reader closes early (`| head -1`)', async () => {
    const child = spawn(process.execPath, [join(REPO, 'bin/phiwall.mjs'), 'dry-run', '--config', join(REPO, 'rules/phiwall.yaml')], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    child.stdout.once('data', () => { child.stdout.destroy(); });
    const line = JSON.stringify({ type: 'track', event: 'E', anonymousId: 'a', properties: { service_line: 'cardiology' } });
    child.stdin.on('error', () => { /* the child may exit before it has read all of its input */ });
    child.stdin.end(Array.from({ length: 20000 }, () => line).join('\n') + '\n');
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toContain('EPIPE');
    expect(code).toBe(0);
  });
});
