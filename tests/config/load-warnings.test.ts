import pino from 'pino';
import { sha256Hex } from '../../src/common/hash.js';
import { afterEach, describe, expect, it } from 'vitest';
import { PACKS, startCollector, writeConfig, type Collector } from '../helpers/collector.js';

// An operator who never runs `phiwall check` still learns, from the collector's own log at start,
// that an allowed field will never reach a destination without a BAA: the same warnings, with
// config keys and file:line only.
let collector: Collector | undefined;
afterEach(async () => { await collector?.close(); collector = undefined; });

describe('config warnings in the collector log', () => {
  it('logs check\'s warnings once when the config loads, naming keys, never values', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => { lines.push(l); } });
    const configPath = writeConfig(`include: ["${PACKS}/hipaa-safe-harbor.yaml"]\nversion: 1\nsites:\n  - name: demo\n    write_key: demo\ndestinations:\n  out:\n    type: file\n    baa: false\n    allow: [event, user_id]\n`);
    collector = await startCollector({ configPath, logger });
    const warned = lines.map((l) => JSON.parse(l) as { msg: string; warnings?: string[] }).filter((e) => e.msg.startsWith('config warnings'));
    expect(warned).toHaveLength(1);
    expect(warned[0].warnings).toEqual([expect.stringMatching(/phiwall\.yaml:10:20: destinations\.out\.allow\[1\]: "user_id" is never sent here \(baa: false\)/)]);
  });

  it('warns of a wildcard allow (free-form fields by pattern) on a destination without a BAA, in the log and in POST /admin/config\'s answer', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (l: string) => { lines.push(l); } });
    const token = 'warn-admin-token-000000001';
    const yaml = (allow: string, baa = 'false') => `include: ["${PACKS}/hipaa-safe-harbor.yaml"]\nversion: 1\nsites: [{ name: demo, write_key: demo }]\nadmin: { enabled: true, keys: [{ name: ops, role: admin, sha256: ${sha256Hex(token)} }] }\ndestinations:\n  out:\n    type: file\n    baa: ${baa}\n    allow: [event, ${allow}]\n`;
    collector = await startCollector({ configPath: writeConfig(yaml('"**"')), logger });
    const warned = lines.map((l) => JSON.parse(l) as { msg: string; warnings?: string[] }).find((e) => e.msg.startsWith('config warnings'));
    expect(warned?.warnings).toEqual([expect.stringMatching(/phiwall\.yaml:9:\d+: destinations\.out\.allow\[1\]: "\*\*" allows every event and user property, including ones nobody has seen, to a destination without a BAA/)]);
    const post = async (body: string) => (await fetch(`${collector!.url}/admin/config`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ yaml: body }) })).json() as Promise<{ applied: boolean; warnings?: string[] }>;
    for (const allow of ['properties', 'properties.*', 'traits.**', '"*"']) {
      const r = await post(yaml(allow));
      expect(r.applied).toBe(true);
      expect(r.warnings).toEqual([expect.stringMatching(/^posted yaml:9:\d+: destinations\.out\.allow\[1\]: .* allows every event and user property/)]);
    }
    // Named properties, or a BAA in force: no warning.
    for (const [allow, baa] of [['properties.service_line', 'false'], ['"**"', 'true']]) expect((await post(yaml(allow, baa))).warnings).toBeUndefined();
  });
});
