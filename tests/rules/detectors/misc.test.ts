import { describe, expect, it } from 'vitest';
import { longNumberDetector, uuidDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('uuid detector', () => {
  it('has its label and Safe Harbor letters', () => {
    expect(uuidDetector.label).toBe('[ID]');
    expect(uuidDetector.safeHarbor).toBe('M/R');
  });
  it('finds 8-4-4-4-12 hex ids in any case', () => {
    expect(
      matches(uuidDetector, 'user 550e8400-e29b-41d4-a716-446655440000 / 550E8400-E29B-41D4-A716-446655440000'),
    ).toEqual(['550e8400-e29b-41d4-a716-446655440000', '550E8400-E29B-41D4-A716-446655440000']);
    expect(matches(uuidDetector, '/u/user-550e8400-e29b-41d4-a716-446655440000/x')).toEqual([
      '550e8400-e29b-41d4-a716-446655440000',
    ]);
  });
  it('rejects wrong group lengths, non-hex and glued tokens', () => {
    expect(matches(uuidDetector, '550e8400-e29b-41d4-a716-44665544000')).toEqual([]);
    expect(matches(uuidDetector, '550e8400-e29b-41d4-a716-4466554400001')).toEqual([]);
    expect(matches(uuidDetector, '550g8400-e29b-41d4-a716-446655440000')).toEqual([]);
  });
});

describe('long_number detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(longNumberDetector.label).toBe('[NUMBER]');
    expect(longNumberDetector.safeHarbor).toBe('R');
  });
  it('finds runs of 9+ digits, with single separators between groups', () => {
    expect(matches(longNumberDetector, 'ref 123456789 and 12 34 56 78 90 and 1.2.3.4.5.6.7.8.9')).toEqual([
      '123456789',
      '12 34 56 78 90',
      '1.2.3.4.5.6.7.8.9',
    ]);
    expect(matches(longNumberDetector, 'tel (617) 555-0002 or 617/555/0002')).toEqual(['617) 555-0002', '617/555/0002']);
    expect(matches(longNumberDetector, 'id A12345678901B')).toEqual(['12345678901']);
  });
  it('ignores short runs and runs broken by double separators', () => {
    expect(matches(longNumberDetector, '12345678, 1234 - 5678 9, 2024-03-14')).toEqual([]);
  });
});
