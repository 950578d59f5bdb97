import pino from 'pino';
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
});
