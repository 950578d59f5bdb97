import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { streetAddressDetector } from '../../../src/rules/detectors/index.js';
import { ADDRESS_RE, mayHoldAddress } from '../../../src/rules/detectors/street-address.js';
import { matches } from './helpers.js';

describe('street_address detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(streetAddressDetector.label).toBe('[ADDRESS]');
    expect(streetAddressDetector.safeHarbor).toBe('B');
  });

  it.each([
    ['ship to 221B Baker Street, Apt. 4 please', '221B Baker Street, Apt. 4'],
    ['lives at 18 W 4th St since May', '18 W 4th St'],
    ['1200 north lake shore dr', '1200 north lake shore dr'],
    ['77+Sunset+Blvd.', '77+Sunset+Blvd.'],
    ['c/o 5 Old Mill Ln Suite #210', '5 Old Mill Ln Suite #210'],
    ['9 Rue Cler Way', '9 Rue Cler Way'],
    ['mail: P.O. Box 3312', 'P.O. Box 3312'],
    ['PO.Box #18', 'PO.Box #18'],
    ['post office box 81', 'post office box 81'],
  ])('finds the address in %j', (text, found) => {
    expect(matches(streetAddressDetector, text)).toEqual([found]);
  });

  it.each([
    'Top 10 tips for a healthy way of life',
    'Open 7 days a week',
    'We have 3 locations on Main Street',
    'Step 2 Drive',
    'Call 617-555-0100 today',
    'boxed 12 items',
  ])('leaves %j alone', (text) => {
    expect(matches(streetAddressDetector, text)).toEqual([]);
  });
});

describe('street_address precheck', () => {
  // The cheap precheck lets user agents and timestamps skip the regex; it must never skip a text
  // the regex would find an address in.
  const piece = fc.constantFrom('1', '42', '221B', '12-4', '1234567', ' ', '  ', '+', '\t', 'Main', 'W', '4th', 'St', 'St.', 'Ave', 'Blvd', 'Apt', '#', '5',
    'P.O.', 'PO', 'box', 'Box', 'post office', '.', '-', '/', 'Mozilla/5.0 (X11; Linux x86_64)', '2026-11-28T10:00:00Z', 'v1.2.3', 'a', ',', 'the', 'for');
  it('is true for every text the address pattern matches', () => {
    let matched = 0;
    const gap = fc.constantFrom(' ', '+', '\t', '  ');
    const addressLike = fc.tuple(fc.array(piece, { maxLength: 3 }), fc.constantFrom('1', '42', '221B', '12-4', '7a'), gap, fc.array(fc.tuple(fc.constantFrom('Main', 'W', '4th', 'Old Mill', 'x'), gap), { minLength: 1, maxLength: 3 }),
      fc.constantFrom('St', 'Ave.', 'Blvd', 'Way', 'Ln'), fc.array(piece, { maxLength: 3 }))
      .map(([a, n, g, words, suffix, b]) => [...a, n, g, ...words.flat(), suffix, ...b]);
    fc.assert(fc.property(fc.oneof(fc.array(piece, { maxLength: 12 }), addressLike), (parts) => {
      const text = parts.join('');
      ADDRESS_RE.lastIndex = 0;
      if (!ADDRESS_RE.test(text)) return;
      matched++;
      expect(mayHoldAddress(text)).toBe(true);
    }), { numRuns: 30000 });
    expect(matched).toBeGreaterThan(500);
  });

  it('lets common texts with digits and spaces skip the pattern', () => {
    for (const t of ['Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15', '2026-11-15T23:30:38.000Z', 'Windows NT 10.0; Win64; x64']) {
      expect(mayHoldAddress(t)).toBe(false);
    }
  });
});
