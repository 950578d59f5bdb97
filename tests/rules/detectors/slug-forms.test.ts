import { describe, expect, it } from 'vitest';
import { ALL_DETECTORS, redactText } from '../../../src/rules/detectors/index.js';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';

// Identifiers written as a slug or a key, with `-` and `_` where prose has spaces, went out in campaign values and event labels
// while the same words with spaces were found: a ZIP after its label, a full date, a birthday's month and day, a street address.
const redact = (text: string): string => redactText(text, ALL_DETECTORS).text;

describe('identifiers written as slugs', () => {
  it.each([
    ['zip-10027', 'zip-[ZIP]'],
    ['retarget_zip_02139_q4', 'retarget_zip_[ZIP]_q4'],
    ['zipcode-02139', 'zipcode-[ZIP]'],
    ['08_24_1974', '[DATE]'],
    ['scan_1974_08_24.pdf', 'scan_[DATE].pdf'],
    ['born-08-21', 'born-[DATE]'],
    ['bday_aug23', 'bday_[DATE]'],
    ['birthday-aug-23', 'birthday-[DATE]'],
    ['6183-birchwood-dr', '[ADDRESS]'],
    ['from-914-Lincoln-St', 'from-[ADDRESS]'],
    ['55_Harborview_Rd', '[ADDRESS]'],
  ])('redacts %s', (text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  it('keeps promotions, ranges, rankings and years written the same way', () => {
    for (const text of ['gzip-12345', 'visits 10-12 weeks', 'v1_2_2024', '2-for-1-main-st-deals', 'top-10-park-ave-tips', 'covid-19-testing-center-dr',
      'spring-2026-main-st-fair', 'summer_sale_10_off']) expect(redact(text)).toBe(text);
  });

  it('lets through the prefilter every text the detectors would redact', () => {
    const parts = ['zip', 'born', 'bday', '-', '_', '08', '21', '1974', 'aug23', '6183', 'birchwood', 'dr', 'from', 'Lincoln', 'St', '02139', ' '];
    expectPrefilterSound(parts, { maxLength: 8, numRuns: 3000 });
  });
});
