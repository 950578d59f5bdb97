import { describe, expect, it } from 'vitest';
import { dateDetector } from '../../../src/rules/detectors/index.js';
import { validDate } from '../../../src/rules/detectors/date.js';
import { matches } from './helpers.js';

describe('date detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(dateDetector.label).toBe('[DATE]');
    expect(dateDetector.safeHarbor).toBe('C');
  });

  it.each([
    '2024-03-14',
    '2024-03-14T09:30:00Z',
    '2024-03-14T09:30:00.123+01:00',
    '2024-03-14 09:30',
    '03/14/1961',
    '3/14/61',
    '14/03/1961',
    '14.03.1961',
    '03-14-1961',
    '1961/03/14',
    '1961.03.14',
    'March 14, 1961',
    'Mar. 14, 1961',
    'March 14th 1961',
    'Mar 14 1961',
    '14 Mar 1961',
    '14 March, 1961',
    '14-Mar-1961',
    '14-mar-61',
    '1st Sept 2020',
    '29 Feb 2024',
  ])('finds %s', (date) => {
    expect(matches(dateDetector, `dob: ${date}.`)).toEqual([date]);
  });

  it.each([
    '2024-13-01',
    '2024-00-10',
    '2024-02-30',
    '2023-02-29',
    '2024-04-31',
    '13/13/1961',
    '00/10/1961',
    '32.01.1961',
    '02/30/1961',
    'March 32, 1961',
    'Feb 30 1961',
    '31 Apr 1961',
    '31-Jun-1961',
  ])('rejects the invalid date %s', (date) => {
    expect(matches(dateDetector, `dob: ${date}.`)).toEqual([]);
  });

  it('rejects ambiguous 2-digit-year layouts and non-dates', () => {
    expect(matches(dateDetector, 'pages 3-14-61, v1.2.61, 5 may 20 people')).toEqual([]);
    expect(matches(dateDetector, 'Mayor 14 1961, Marching 3 1961, 1/2/3')).toEqual([]);
    expect(matches(dateDetector, 'phone 617-555-0002, id 12/34/5678')).toEqual([]);
  });

  it('is not fooled into matching inside longer numbers', () => {
    expect(matches(dateDetector, '12024-03-14 and 2024-03-141')).toEqual([]);
  });

  it('validDate checks per-month day counts and leap years', () => {
    expect(validDate(2024, 2, 29, true)).toBe(true);
    expect(validDate(1900, 2, 29, true)).toBe(false);
    expect(validDate(2000, 2, 29, true)).toBe(true);
    expect(validDate(61, 2, 29, false)).toBe(true);
    expect(validDate(2024, 12, 31, true)).toBe(true);
    expect(validDate(2024, 11, 31, true)).toBe(false);
  });
});
