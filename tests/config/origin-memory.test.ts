import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { loadConfig } from '../../src/config/load.js';
import { REPO } from '../helpers/collector.js';

// A running collector keeps its LoadedConfig (issue #5: every MB a worker holds for good, V8 lets
// its old generation grow to twice of). Its `locate` needs the files' YAML node trees only while a
// config loads; they are parsed again from the kept text when asked after the GC let them go.
v8.setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const settle = async (): Promise<void> => { for (let i = 0; i < 3; i++) { await new Promise((r) => setImmediate(r)); gc(); } };
const BUNDLED = join(REPO, 'rules/phiwall.yaml');

describe('a loaded config in memory', () => {
  it('holds about half of what it did once loaded (the bundled config and its two packs: 1.6 MB before, 0.8 now)', async () => {
    await settle();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 6 }, () => loadConfig(BUNDLED, {}));
    await settle();
    const perConfig = (process.memoryUsage().heapUsed - before) / kept.length;
    expect(kept.every((c) => c.files.length === 3)).toBe(true);
    expect(perConfig).toBeLessThan(1.1 * 1024 * 1024);
  });

  it('locates problems at the same file:line after the GC let the YAML trees go', async () => {
    const config = loadConfig(BUNDLED, {});
    const issues = ['sites.0.write_key: example', 'identifiers.3.detectors: example', 'destinations.local_file.type: example'];
    const first = config.locate(issues);
    expect(first.every((m) => /^rules\/[\w./-]+\.yaml:\d+:\d+: /.test(m))).toBe(true);
    await settle();
    expect(config.locate(issues)).toEqual(first);
  });
});
