import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
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
const BUNDLED_CHARS = ['rules/phiwall.yaml', 'rules/packs/hipaa-safe-harbor.yaml', 'rules/packs/sensitive-pages.yaml']
  .reduce((n, f) => n + readFileSync(join(REPO, f), 'utf8').length, 0);

describe('a loaded config in memory', () => {
  // Measured against the files' own text, which the packs' passes keep adding to: 4.8-5.1 times it with the trees let go
  // (1.19 MB for 248k characters), about 8 times with them kept (+0.76 MB). Then (H194) 3.9-4.0 times: the text itself
  // stayed (two bytes a character), kept for re-parsing and by every value the YAML parser handed out as a slice of it;
  // deflated outside the heap and with values of their own, 2.0 times (1.02 -> 0.51 MB a config).
  it('holds under three times its files\' text once loaded (the YAML node trees and the text are let go)', async () => {
    await settle();
    const before = process.memoryUsage().heapUsed;
    const kept = Array.from({ length: 6 }, () => loadConfig(BUNDLED, {}));
    await settle();
    const perConfig = (process.memoryUsage().heapUsed - before) / kept.length;
    expect(kept.every((c) => c.files.length === 3)).toBe(true);
    expect(perConfig).toBeLessThan(3 * BUNDLED_CHARS);
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
