import fc from 'fast-check';
import { expect } from 'vitest';
import { ALL_DETECTORS, DETECTORS_BY_KIND, findAll, redactText } from '../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../src/rules/detectors/prefilter.js';

/**
 * The prefilter's one promise: on any text built from `parts`, the detectors it keeps redact
 * exactly what all detectors would, and find something exactly when all of them would.
 */
// PREFILTER_RUNS_SCALE=20 multiplies every run count: a stress run before a release (the default keeps CI fast).
const RUNS_SCALE = Number(process.env.PREFILTER_RUNS_SCALE ?? 1) || 1;

export function expectPrefilterSound(parts: readonly string[], opts: { maxLength: number; numRuns: number; examples?: [string][] }): void {
  const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);
  const str = fc.array(fc.constantFrom(...parts), { maxLength: opts.maxLength }).map((a) => a.join(''));
  fc.assert(fc.property(str, (t) => {
    const subset = prefilter.candidates(t);
    expect(redactText(t, subset)).toEqual(redactText(t, ALL_DETECTORS));
    expect(findAll(t, subset).length > 0).toBe(findAll(t, ALL_DETECTORS).length > 0);
  }), { numRuns: Math.round(opts.numRuns * RUNS_SCALE), ...(opts.examples ? { examples: opts.examples } : {}) });
}
