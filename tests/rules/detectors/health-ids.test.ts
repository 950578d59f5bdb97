import { describe, expect, it } from 'vitest';
import { deaDetector, mbiDetector, npiDetector, vinDetector } from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

describe('mbi detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(mbiDetector.label).toBe('[MBI]');
    expect(mbiDetector.safeHarbor).toBe('I');
  });
  it('finds MBIs with and without dashes, any case', () => {
    expect(matches(mbiDetector, 'MBI 1EG4-TE5-MK73 / 1EG4TE5MK73 / 1eg4te5mk73')).toEqual([
      '1EG4-TE5-MK73',
      '1EG4TE5MK73',
      '1eg4te5mk73',
    ]);
  });
  it('rejects position 1 = 0 and the excluded letters S L O I B Z', () => {
    expect(matches(mbiDetector, '0EG4TE5MK73')).toEqual([]);
    for (const letter of ['S', 'L', 'O', 'I', 'B', 'Z']) {
      expect(matches(mbiDetector, `1${letter}G4TE5MK73`), letter).toEqual([]);
      expect(matches(mbiDetector, `1EG4${letter}E5MK73`), letter).toEqual([]);
      expect(matches(mbiDetector, `1EG4TE5M${letter}73`), letter).toEqual([]);
    }
  });
  it('rejects wrong positions, one-sided dashes and embedded tokens', () => {
    expect(matches(mbiDetector, '1EGATE5MK73 1EG4-TE5MK73 X1EG4TE5MK73 1EG4TE5MK734')).toEqual([]);
  });
});

describe('npi detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(npiDetector.label).toBe('[NPI]');
    expect(npiDetector.safeHarbor).toBe('R');
  });
  it('finds 1234567893 (valid) and not 1234567890 (invalid)', () => {
    expect(matches(npiDetector, 'NPI 1234567893 and 1234567890')).toEqual(['1234567893']);
  });
  it('finds grouped NPIs', () => {
    expect(matches(npiDetector, 'npi: 1234 567 893, 1234-567-893')).toEqual(['1234 567 893', '1234-567-893']);
  });
  it('rejects other first digits and longer runs', () => {
    expect(matches(npiDetector, '3234567893 51234567893 12345678935')).toEqual([]);
  });
});

describe('dea detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(deaDetector.label).toBe('[DEA]');
    expect(deaDetector.safeHarbor).toBe('K');
  });
  it('finds BB1388568 (valid) and not BB1388567 (invalid)', () => {
    expect(matches(deaDetector, 'DEA BB1388568, BB1388567')).toEqual(['BB1388568']);
  });
  it('rejects bad registrant letters and embedded tokens', () => {
    expect(matches(deaDetector, 'IB1388568 OB1388568 XBB1388568 BB13885680')).toEqual([]);
  });
});

describe('vin detector', () => {
  it('has its label and Safe Harbor letter', () => {
    expect(vinDetector.label).toBe('[VIN]');
    expect(vinDetector.safeHarbor).toBe('L');
  });
  it('finds VINs whose check digit is valid, without a label', () => {
    expect(matches(vinDetector, 'car 1HGCM82633A004352 and 1M8GDM9AXKP042788.')).toEqual([
      '1HGCM82633A004352',
      '1M8GDM9AXKP042788',
    ]);
  });
  it('accepts a check-digit failure only when labelled within 20 characters', () => {
    expect(matches(vinDetector, 'VIN: 1HGCM82643A004352')).toEqual(['1HGCM82643A004352']);
    expect(matches(vinDetector, 'vehicle id 1HGCM82643A004352')).toEqual(['1HGCM82643A004352']);
    expect(matches(vinDetector, 'chassis#1HGCM82643A004352')).toEqual(['1HGCM82643A004352']);
    expect(matches(vinDetector, 'code 1HGCM82643A004352')).toEqual([]);
    expect(matches(vinDetector, 'vin ................. 1HGCM82643A004352')).toEqual([]);
  });
  it('rejects I/O/Q, digit-poor, all-digit and wrong-length tokens', () => {
    expect(matches(vinDetector, 'VIN 1HGCM82633A00435I')).toEqual([]);
    expect(matches(vinDetector, 'VIN ABCDEFGHJKLMNPR12')).toEqual([]);
    expect(matches(vinDetector, 'VIN 12345678901234567')).toEqual([]);
    expect(matches(vinDetector, 'VIN 1HGCM886323A146222')).toEqual([]); // 18 characters
  });
});
