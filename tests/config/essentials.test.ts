import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { compileLocated } from '../../src/config/compile-located.js';
import { ConfigError } from '../../src/errors.js';
import { Runtime } from '../../src/runtime.js';
import { tempDir, writeConfig } from '../helpers/collector.js';

// A config that declares no site or no destination runs a collector that accepts or sends nothing:
// refused wherever a plan is compiled, counting what included files declare.

const SITE = 'sites:\n  - name: demo\n    write_key: demo\n';
const DESTINATION = 'destinations:\n  out:\n    type: file\n    baa: false\n    allow: [event]\n';

function problems(path: string): string[] {
  try {
    const plan = compileLocated(loadConfig(path, {}), { dataDir: tempDir() });
    void Promise.all(plan.destinations.map((d) => d.destination.close()));
  } catch (err) {
    if (err instanceof ConfigError) return [...err.issues];
    throw err;
  }
  return [];
}

describe('a config with no site or no destination', () => {
  it('is accepted when an included file declares them, refused when nothing does', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sites.yaml'), SITE);
    writeFileSync(join(dir, 'destinations.yaml'), DESTINATION);
    expect(problems(writeConfig('include: [sites.yaml, destinations.yaml]\n', dir))).toEqual([]);
    const other = tempDir();
    writeFileSync(join(other, 'empty.yaml'), '# nothing yet\n');
    const [issue] = problems(writeConfig('include: [empty.yaml]\n', other));
    expect(issue).toMatch(/phiwall\.yaml:1:1: this file declares no sites and no destinations \(nor do the 1 file\(s\) it includes\)/);
  });

  it('edited out of a running collector\'s file, is refused on reload and the running plan stays', async () => {
    const path = writeConfig(SITE + DESTINATION);
    const runtime = new Runtime({ configPath: path, dataDir: tempDir() });
    try {
      const before = runtime.plan.version;
      writeFileSync(path, SITE);
      expect(await runtime.reload()).toBe(false);
      expect(runtime.plan.version).toBe(before);
      expect(runtime.plan.destinations.map((d) => d.name)).toEqual(['out']);
    } finally {
      await runtime.shutdown(1000);
    }
  });
});
