import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, DETECTORS_BY_KIND, redactText } from '../../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../../src/rules/detectors/prefilter.js';
import type { ValueDetector } from '../../../src/rules/detectors/types.js';

// The prefilter once kept its subsets by a 32-bit mask and, past 30 detectors, ran every detector
// on every text: pass 24's kvnr made the bundled rules' 31st and the plan lost a third of its speed
// with no test noticing (the soundness tests then compared all detectors with all detectors).

describe('the prefilter with more than 30 detectors', () => {
  it('still skips the detectors a plain text cannot hold', () => {
    expect(ALL_DETECTORS.length).toBeGreaterThan(30);
    const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);
    expect(prefilter.candidates('Flu Shots')).toEqual([]);
    expect(prefilter.candidates('Call 617-555-0134 today').map((d) => d.kind)).toContain('phone');
    expect(prefilter.candidates('Call 617-555-0134 today').length).toBeLessThan(ALL_DETECTORS.length);
  });

  it('keeps every custom detector and gates the built-ins beside them, however many', () => {
    const custom: ValueDetector[] = Array.from({ length: 40 }, (_, i) => ({ ...ALL_DETECTORS[0], kind: `custom_${i}` }));
    const detectors = [...ALL_DETECTORS, ...custom];
    const prefilter = new DetectorPrefilter(detectors, DETECTORS_BY_KIND);
    expect(prefilter.candidates('Flu Shots')).toEqual(custom);
    const text = 'Reach me at jane.doe@example.com';
    expect(redactText(text, prefilter.candidates(text))).toEqual(redactText(text, detectors));
  });
});
