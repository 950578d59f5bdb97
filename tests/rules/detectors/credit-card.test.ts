import { describe, expect, it } from 'vitest';
import { creditCardDetector } from '../../../src/rules/detectors/index.js';
import { matches, withLuhnDigit } from './helpers.js';

describe('credit_card detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(creditCardDetector.label).toBe('[CARD]');
    expect(creditCardDetector.safeHarbor).toBe('J');
  });

  it.each([
    '4111111111111111',
    '4111 1111 1111 1111',
    '4111-1111-1111-1111',
    '5555 5555 5555 4444',
    '378282246310005',
    '3782 822463 10005',
    '3056 930902 5904',
    '6011000990139424',
  ])('finds the Luhn-valid %s', (card) => {
    expect(matches(creditCardDetector, `card ${card} exp`)).toEqual([card]);
  });

  it('finds valid lengths 12 to 19', () => {
    for (let len = 12; len <= 19; len++) {
      const card = withLuhnDigit('4' + '7'.repeat(len - 2));
      expect(matches(creditCardDetector, `pan ${card}`), card).toEqual([card]);
    }
  });

  it('rejects Luhn failures, mixed separators, repeated digits and wrong lengths', () => {
    expect(matches(creditCardDetector, '4111111111111112')).toEqual([]);
    expect(matches(creditCardDetector, '4111 1111-1111 1111')).toEqual([]);
    expect(matches(creditCardDetector, '0000000000000000')).toEqual([]);
    expect(matches(creditCardDetector, withLuhnDigit('4111111111'))).toEqual([]); // 11 digits
    expect(matches(creditCardDetector, withLuhnDigit('4'.repeat(19)))).toEqual([]); // 20 digits
  });

  it('finds the 19-digit 4-4-4-4-3 grouping', () => {
    const pan = withLuhnDigit('411111111111111100');
    const grouped = `${pan.slice(0, 4)} ${pan.slice(4, 8)} ${pan.slice(8, 12)} ${pan.slice(12, 16)} ${pan.slice(16)}`;
    expect(matches(creditCardDetector, `card ${grouped}.`)).toEqual([grouped]);
  });

  it('keeps the card when an expiry or CVV follows it', () => {
    expect(matches(creditCardDetector, '4111 1111 1111 1111 123 12/27')).toEqual(['4111 1111 1111 1111']);
  });

  it('does not match inside longer digit runs', () => {
    expect(matches(creditCardDetector, '94111111111111111')).toEqual([]);
  });
});
