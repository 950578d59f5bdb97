import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { baaAt, compareProjection, destinationPolicies, parsePolicy } from '../../src/delivery/policy.js';
import { compileRules } from '../../src/rules/compile.js';
import { REPO, tempDir, writeConfig } from '../helpers/collector.js';

// The policy record a plan version leaves in the spool (src/delivery/policy.ts): what delivery
// and replay read back to decide whether an older row may still go out as stored.

const config = (hook: string) => `
version: 1
include: ["${join(REPO, 'rules/phiwall.yaml')}"]
destinations:
  hook:
    type: webhook
    options: { url: "http://127.0.0.1:9/hook" }
${hook}`;
const recordOf = (hook: string, now = Date.now()) => {
  const rules = loadConfig(writeConfig(config(hook))).rules;
  return destinationPolicies(rules, compileRules(rules, { dataDir: tempDir(), now: () => now })).hook!;
};
const DATED = '    baa: { signed: "2026-01-01", expires: "2026-06-30" }\n    allow: [event, ip]';
const SIGNED = Date.parse('2026-01-01'), EXPIRES = Date.parse('2026-06-30') + 86_400_000;

describe('policy records', () => {
  it('one config gives one record, whenever it is compiled (before the BAA is signed, while it holds, after it expired)', () => {
    const records = [SIGNED - 1000, SIGNED + 1000, EXPIRES + 1000].map((t) => recordOf(DATED, t));
    expect(new Set(records).size).toBe(1);
  });

  it('tells from a row\'s scrub time whether it was scrubbed for the dated BAA', () => {
    const r = parsePolicy(recordOf(DATED))!;
    expect([SIGNED - 1, SIGNED, EXPIRES - 1, EXPIRES].map((t) => baaAt(r, t))).toEqual([false, true, true, false]);
    expect(baaAt(parsePolicy(recordOf('    baa: true'))!, 0)).toBe(true);
    expect(baaAt(parsePolicy(recordOf('    baa: false'))!, 0)).toBe(false);
  });

  it('a longer allow list widens; a shorter one, or any other change with it, changes', () => {
    const base = parsePolicy(recordOf('    allow: [event]'))!;
    expect(compareProjection(base, parsePolicy(recordOf('    allow: [event]'))!)).toBe('same');
    expect(compareProjection(base, parsePolicy(recordOf('    allow: [event, properties.plan]'))!)).toBe('widened');
    expect(compareProjection(parsePolicy(recordOf('    allow: [event, properties.plan]'))!, base)).toBe('changed');
    expect(compareProjection(base, parsePolicy(recordOf('    allow: [event, properties.plan]\n    event_map: { Lead: Prospect }'))!)).toBe('changed');
    // The BAA is not part of the projection: switching it is judged by the row's BAA treatment.
    expect(compareProjection(base, parsePolicy(recordOf('    baa: true\n    allow: [event]'))!)).toBe('same');
  });

  it('reads the first release\'s records (no widening test) and refuses unreadable ones', () => {
    const current = parsePolicy(recordOf('    allow: [event]'))!;
    const legacy = parsePolicy(`b:${current.projection}`)!;
    expect(legacy).toEqual({ baa: 'b', projection: current.projection });
    expect(compareProjection(legacy, current)).toBe('same');
    expect(compareProjection(parsePolicy('n:0123456789abcdef')!, current)).toBe('changed');
    expect(parsePolicy('2|b|x|y|not json')).toBeUndefined();
    expect(parsePolicy('garbage')).toBeUndefined();
  });
});
