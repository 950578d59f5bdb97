import { describe, expect, it } from 'vitest';
import { zipDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('zip detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(zipDetector.label).toBe('[ZIP]');
    expect(zipDetector.safeHarbor).toBe('B');
  });

  it('always finds ZIP+4', () => {
    expect(matches(zipDetector, 'mail to 02115-1234 please')).toEqual(['02115-1234']);
  });

  it.each([
    ['zip 02115', '02115'],
    ['ZIP: 02115', '02115'],
    ['Zip Code 02115', '02115'],
    ['postal code 02115', '02115'],
    ['?zip_code=02115&x=1', '02115'],
    ['{"zipCode":"02115"}', '02115'],
    ['postcode%3D02115', '02115'],
    ['ZIP: 02115-1234', '02115-1234'],
  ])('finds a labelled ZIP in %s', (text, zip) => {
    expect(matches(zipDetector, text)).toEqual([zip]);
  });

  it('finds a ZIP after a state code in an address tail', () => {
    expect(matches(zipDetector, '1 Main St, Boston, MA 02115')).toEqual(['02115']);
  });

  it('leaves unlabelled 5-digit numbers alone', () => {
    expect(matches(zipDetector, 'order 02115 shipped, 12345 items, post 12345')).toEqual([]);
  });

  it('does not take ZIP+4 shapes out of longer runs', () => {
    expect(matches(zipDetector, '102115-1234 and 02115-12345 and 1-02115-1234')).toEqual([]);
    expect(matches(zipDetector, 'zip 021151')).toEqual([]);
  });
});
