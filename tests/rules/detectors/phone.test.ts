import { describe, expect, it } from 'vitest';
import { phoneDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('phone detector', () => {
  it('has its label and Safe Harbor letters', () => {
    expect(phoneDetector.label).toBe('[PHONE]');
    expect(phoneDetector.safeHarbor).toBe('D/E');
  });

  it.each([
    '(617) 555-0002',
    '(617)555-0002',
    '617-555-0002',
    '617.555.0002',
    '617 555 0002',
    '+1 617 555 0002',
    '+1 (617) 555-0002',
    '+1-617-555-0002',
    '1-617-555-0002',
    '+16175550002',
    '16175550002',
    '6175550002',
  ])('finds NANP %s', (phone) => {
    expect(matches(phoneDetector, `call ${phone} today`)).toEqual([phone]);
  });

  it.each(['+44 20 7946 0958', '+4915112345678', '+33-1-23-45-67-89', '+81 3 1234 5678'])('finds E.164 %s', (phone) => {
    expect(matches(phoneDetector, `tel: ${phone}.`)).toEqual([phone]);
  });

  it('rejects area codes and exchanges starting with 0 or 1', () => {
    expect(matches(phoneDetector, '017-555-0002')).toEqual([]);
    expect(matches(phoneDetector, '617-155-0002')).toEqual([]);
    expect(matches(phoneDetector, '(117) 555-0002')).toEqual([]);
    expect(matches(phoneDetector, '+1 117 555 0002')).toEqual([]);
  });

  it('does not match inside longer digit runs', () => {
    expect(matches(phoneDetector, '26175550002')).toEqual([]);
    expect(matches(phoneDetector, '61755500021')).toEqual([]);
    expect(matches(phoneDetector, '1234567890123456')).toEqual([]);
    expect(matches(phoneDetector, '9-617-555-0002')).toEqual([]);
    expect(matches(phoneDetector, '617-555-0002-7')).toEqual([]);
  });

  it('rejects E.164 with too few or too many digits, and + glued to a word', () => {
    expect(matches(phoneDetector, '+4420794')).toEqual([]);
    expect(matches(phoneDetector, '+4420794609581234')).toEqual([]);
    expect(matches(phoneDetector, 'c+4915112345678')).toEqual([]);
  });

  it('leaves dates and short numbers alone', () => {
    expect(matches(phoneDetector, '2024-03-14 and 555-0002 and 1961')).toEqual([]);
  });
});
