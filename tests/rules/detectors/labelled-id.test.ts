import { describe, expect, it } from 'vitest';
import { labelledIdDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('labelled_id detector', () => {
  it('has its label and Safe Harbor letters', () => {
    expect(labelledIdDetector.label).toBe('[ID]');
    expect(labelledIdDetector.safeHarbor).toBe('H/I/J/K/L/M/R');
  });

  it.each([
    ['MRN: 23078668', '23078668'],
    ['mrn 23078668', '23078668'],
    ['Medical Record Number: A-0045123', 'A-0045123'],
    ['medical record no. 4512399', '4512399'],
    ['medical record # 4512399', '4512399'],
    ['Patient ID: P0012345', 'P0012345'],
    ['?patientId=88812345&x=1', '88812345'],
    ['member id: ABC123456', 'ABC123456'],
    ['Member #W123456789', 'W123456789'],
    ['subscriber_id=XJ9981234', 'XJ9981234'],
    ['policy # 99-1234-55', '99-1234-55'],
    ['Policy No. HX-55512', 'HX-55512'],
    ['group number 004512', '004512'],
    ['account number: 0012345678', '0012345678'],
    ['acct 98765', '98765'],
    ['claim # 2024-000123', '2024-000123'],
    ['license number D1234567', 'D1234567'],
    ['licence: AB123456', 'AB123456'],
    ['DL# S123-4567-8901', 'S123-4567-8901'],
    ['Passport 533380006', '533380006'],
    ['serial no: SN-77812', 'SN-77812'],
    ['device id = dev-00918', 'dev-00918'],
    ['plate 7ABC123', '7ABC123'],
    ['insurance id: INS000123', 'INS000123'],
    ['beneficiary id 9XY123Z45', '9XY123Z45'],
    ['{"mrn":"23078668"}', '23078668'],
    ['mrn%3D23078668', '23078668'],
  ])('finds the value in %s', (text, id) => {
    expect(matches(labelledIdDetector, text)).toEqual([id]);
  });

  it('covers glued MRN-prefixed tokens whole', () => {
    expect(matches(labelledIdDetector, 'ref MRN12345678 and MRN-12345678.')).toEqual(['MRN12345678', 'MRN-12345678']);
  });

  it('needs at least 3 digits and 4-30 characters', () => {
    expect(matches(labelledIdDetector, 'MRN: ABCDE12')).toEqual([]);
    expect(matches(labelledIdDetector, 'MRN: 123')).toEqual([]);
    expect(matches(labelledIdDetector, `MRN: ${'1'.repeat(31)}`)).toEqual([]);
  });

  it('ignores generic keys and unlabelled numbers', () => {
    expect(matches(labelledIdDetector, 'groupId=acme-123456 accountType=premium123 order 12345678')).toEqual([]);
    expect(matches(labelledIdDetector, 'plateau123456 and mrnx12345')).toEqual([]);
  });
});
