import { describe, expect, it } from 'vitest';
import {
  deaValid,
  luhnValid,
  mbiValid,
  npiValid,
  ssnValid,
  vinCheckDigitValid,
} from '../../../src/rules/detectors/checksums.js';

describe('luhnValid', () => {
  it('accepts Luhn-valid numbers', () => {
    for (const n of ['4111111111111111', '5555555555554444', '378282246310005', '79927398713']) {
      expect(luhnValid(n)).toBe(true);
    }
  });
  it('rejects a wrong check digit, non-digits and too-short input', () => {
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(luhnValid('79927398710')).toBe(false);
    expect(luhnValid('4111-1111-1111-1111')).toBe(false);
    expect(luhnValid('0')).toBe(false);
    expect(luhnValid('')).toBe(false);
  });
});

describe('npiValid', () => {
  it('accepts the CMS worked example 1234567893', () => {
    expect(npiValid('1234567893')).toBe(true);
  });
  it('rejects a wrong check digit, a wrong first digit, bad length and placeholders', () => {
    expect(npiValid('1234567890')).toBe(false);
    expect(npiValid('3234567893')).toBe(false);
    expect(npiValid('123456789')).toBe(false);
    expect(npiValid('12345678930')).toBe(false);
    expect(npiValid('123456789x')).toBe(false);
    expect(npiValid('1111111112')).toBe(false);
  });
});

describe('deaValid', () => {
  it('accepts BB1388568 (spec §3.4 worked example) and the 9 business form', () => {
    expect(deaValid('BB1388568')).toBe(true);
    expect(deaValid('bb1388568')).toBe(true);
    expect(deaValid('A91388568')).toBe(true);
  });
  it('rejects a wrong check digit, unknown registrant types and bad shapes', () => {
    expect(deaValid('BB1388567')).toBe(false);
    expect(deaValid('IB1388568')).toBe(false); // I is not a registrant type
    expect(deaValid('ZB1388568')).toBe(false);
    expect(deaValid('B11388568')).toBe(false);
    expect(deaValid('BB138856')).toBe(false);
    expect(deaValid('BB138856X')).toBe(false);
  });
});

describe('ssnValid', () => {
  it('accepts valid numbers bare and with one consistent delimiter', () => {
    for (const s of ['495570053', '495-57-0053', '495 57 0053', '495.57.0053', '001-01-0001', '899-99-9998']) {
      expect(ssnValid(s)).toBe(true);
    }
  });
  it('rejects never-issued areas 000, 666 and 900-999', () => {
    for (const s of ['000-12-3456', '666-12-3456', '900-12-3456', '999-12-3456', '950123456']) {
      expect(ssnValid(s)).toBe(false);
    }
  });
  it('rejects group 00 and serial 0000', () => {
    expect(ssnValid('495-00-0053')).toBe(false);
    expect(ssnValid('495-57-0000')).toBe(false);
  });
  it('rejects mixed delimiters, wrong lengths and non-digits', () => {
    expect(ssnValid('495-57 0053')).toBe(false);
    expect(ssnValid('495.57-0053')).toBe(false);
    expect(ssnValid('49557005')).toBe(false);
    expect(ssnValid('4955700533')).toBe(false);
    expect(ssnValid('49a570053')).toBe(false);
  });
  it('rejects well-known sample and repeated-digit numbers', () => {
    for (const s of ['123-45-6789', '078-05-1120', '987-65-4320', '987654329', '111-11-1111', '555555555']) {
      expect(ssnValid(s)).toBe(false);
    }
  });
});

describe('vinCheckDigitValid', () => {
  it('accepts VINs with a correct position-9 check digit (including X)', () => {
    expect(vinCheckDigitValid('1HGCM82633A004352')).toBe(true);
    expect(vinCheckDigitValid('1M8GDM9AXKP042788')).toBe(true);
    expect(vinCheckDigitValid('1m8gdm9axkp042788')).toBe(true);
  });
  it('rejects a wrong check digit, I/O/Q and bad lengths', () => {
    expect(vinCheckDigitValid('1HGCM82643A004352')).toBe(false);
    expect(vinCheckDigitValid('1HGCM886323A146222')).toBe(false);
    expect(vinCheckDigitValid('1HGCM82633A00435I')).toBe(false);
    expect(vinCheckDigitValid('1HGCM82633A00435')).toBe(false);
  });
});

describe('mbiValid', () => {
  it('accepts the CMS example with and without display dashes, any case', () => {
    expect(mbiValid('1EG4TE5MK73')).toBe(true);
    expect(mbiValid('1EG4-TE5-MK73')).toBe(true);
    expect(mbiValid('1eg4te5mk73')).toBe(true);
    expect(mbiValid('9A04A05AA99')).toBe(true); // AN positions may be digits
  });
  it('rejects 0 in position 1', () => {
    expect(mbiValid('0EG4TE5MK73')).toBe(false);
  });
  it.each(['S', 'L', 'O', 'I', 'B', 'Z'])('rejects the excluded letter %s in letter positions', (letter) => {
    expect(mbiValid(`1${letter}G4TE5MK73`)).toBe(false);
    expect(mbiValid(`1EG4TE5M${letter}73`)).toBe(false);
    expect(mbiValid(`1E${letter}4TE5MK73`)).toBe(false);
  });
  it('rejects letters where digits belong and vice versa, and misplaced dashes', () => {
    expect(mbiValid('1EGATE5MK73')).toBe(false); // position 4 must be a digit
    expect(mbiValid('11G4TE5MK73')).toBe(false); // position 2 must be a letter
    expect(mbiValid('1EG4TE5MK7A')).toBe(false);
    expect(mbiValid('1EG-4TE5-MK73')).toBe(false);
    expect(mbiValid('1EG4TE5MK7')).toBe(false);
  });
});
