import { describe, expect, it } from 'vitest';
import { streetAddressDetector } from '../../../src/rules/detectors/index.js';
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
