import { describe, expect, it } from 'vitest';
import { ssnDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('ssn detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(ssnDetector.label).toBe('[SSN]');
    expect(ssnDetector.safeHarbor).toBe('G');
  });

  it.each(['495-57-0053', '495 57 0053', '495.57.0053', '495570053'])('finds %s', (ssn) => {
    expect(matches(ssnDetector, `SSN ${ssn}, thanks`)).toEqual([ssn]);
  });

  it('rejects mixed delimiters', () => {
    expect(matches(ssnDetector, '495-57 0053')).toEqual([]);
    expect(matches(ssnDetector, '495.57-0053')).toEqual([]);
  });

  it('rejects never-issued ranges and sample numbers', () => {
    for (const s of ['000-57-0053', '666-57-0053', '900-57-0053', '999-57-0053', '495-00-0053', '495-57-0000',
      '123-45-6789', '078-05-1120', '987-65-4321', '222-22-2222']) {
      expect(matches(ssnDetector, `ssn ${s}`), s).toEqual([]);
    }
  });

  it('only takes bare 9 digits that are not part of a longer run', () => {
    expect(matches(ssnDetector, 'order 4955700531')).toEqual([]);
    expect(matches(ssnDetector, 'order 1495570053')).toEqual([]);
    expect(matches(ssnDetector, '1-495-57-0053')).toEqual([]);
    expect(matches(ssnDetector, '495-57-0053-1')).toEqual([]);
    expect(matches(ssnDetector, 'id=495570053&x=1')).toEqual(['495570053']);
  });

  it('leaves phone numbers alone', () => {
    expect(matches(ssnDetector, '617-555-0002')).toEqual([]);
  });
});
