import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, findAll } from '../../../src/rules/detectors/index.js';
import { assertWellFormed } from './helpers.js';

// Runs in a fresh process of its own (vitest.config.ts: `*.fresh.test.ts` are system-project files), not in the scrub
// project's shared fork: there the CPU time of one scan also paid for the state a hundred earlier test files left in
// the process: "month names" took 4.2 s of CPU in the CI run of 78f9445, against 0.6-1.0 s in a fresh process.
describe('pathological inputs', () => {
  it.each([
    ['digits', '1'.repeat(200_000)],
    ['spaced digits', '1 '.repeat(100_000)],
    ['at signs', 'a@'.repeat(100_000)],
    ['dotted', '1.'.repeat(100_000)],
    ['colons', 'a:'.repeat(100_000)],
    ['local part', 'a'.repeat(200_000) + '@example.com'],
    ['labels', 'mrn '.repeat(50_000)],
    ['jwt-ish', 'eyJ' + 'a'.repeat(200_000)],
    ['url', 'http://' + 'a'.repeat(200_000)],
    ['surrogates', '\uD800'.repeat(100_000)],
    ['phone prefixes', '+1 '.repeat(66_000)],
    ['card groups', '4111 '.repeat(40_000)],
    ['token keys', 'token='.repeat(33_000)],
    ['key prefixes', 'a_'.repeat(100_000)],
    ['date fragments', '1/1/'.repeat(50_000)],
    ['iso fragments', '2024-01-'.repeat(25_000)],
    ['month names', 'Mar 1, '.repeat(28_000)],
    ['zip labels', 'zip: '.repeat(40_000)],
    ['hex colons', '1:'.repeat(100_000)],
    ['alnum', 'A1'.repeat(100_000)],
    ['encoded at', '%40a.b'.repeat(33_000)],
    ['many emails', 'a@b.co '.repeat(28_000)],
    ['many overlapping detections', '4111111111111111 '.repeat(11_000)],
  ])('handles 200k chars of %s quickly', (_name, text) => {
    // CPU time of this process, not wall time: on a loaded machine the wall clock also counts the time spent
    // waiting for a core, which made this guard fail at load 12+ while the scan itself took the same work.
    const started = process.cpuUsage();
    const found = findAll(text, ALL_DETECTORS);
    const used = process.cpuUsage(started);
    assertWellFormed(text, found);
    // Linear-time scanning keeps this around tens of milliseconds; quadratic would take minutes.
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });
});
