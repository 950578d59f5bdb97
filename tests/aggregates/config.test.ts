import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { ConfigError } from '../../src/errors.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

const compile = (destinations: string, dataDir = tempDir()) => {
  const cfg = loadConfig(writeConfig(`version: 1\ninclude: ["${join(REPO, 'rules/phiwall.yaml')}"]\ndestinations:\n${destinations}`));
  return compileRules(cfg.rules, { dataDir });
};

describe('aggregate destination configuration', () => {
  it('refuses attribution without a BAA (the journey key is the first-party id)', () => {
    expect(() => compile('  j:\n    type: aggregate\n    options: { attribution: { conversions: [Booked] } }\n')).toThrow(ConfigError);
  });

  it('refuses unknown options, k below 2 and unknown dimensions, naming the field', () => {
    expect(() => compile('  a:\n    type: aggregate\n    options: { k: 1, dimensions: [zip], colour: red }\n')).toThrow(/destinations\.a\.options\.(k|dimensions|colour)/);
  });

  it('compiles a valid one without creating files (the store opens on first use)', () => {
    const dataDir = tempDir();
    const plan = compile('  a:\n    type: aggregate\n    options: { dimensions: [event, region], k: 20, epsilon: 1 }\n', dataDir);
    expect(plan.destinations.map((d) => d.type)).toContain('aggregate');
    expect(existsSync(join(dataDir, 'aggregates.db'))).toBe(false);
  });
});
