import { describe, expect, it } from 'vitest';
import { expectPrefilterSound } from '../../helpers/prefilter-soundness.js';
import {
  dateDetector,
  geocodeDetector,
  ipDetector,
  labelledIdDetector,
  longNumberDetector,
  postcodeDetector,
} from '../../../src/rules/detectors/index.js';
import { matches } from './helpers.js';

// Detectors added by a blind red-team pass (H44): non-US postcodes, plus codes and what3words,
// addresses inside host names, plates after other words, ISO week dates, product versions.

describe('postcodes of other countries', () => {
  it.each([['SW1A 2AA', 'SW1A 2AA'], ['to M1 1AE now', 'M1 1AE'], ['ec1a 1bb', 'ec1a 1bb'], ['Leeds LS1 4AP', 'LS1 4AP'], ['K1A 0B1', 'K1A 0B1'], ['Eircode D02 X285', 'D02 X285'], ['A65 F4E2', 'A65 F4E2']])(
    'finds %s',
    (text, code) => {
      expect(matches(postcodeDetector, text)).toEqual([code]);
    },
  );

  it('leaves chips, sizes, ordinals, glued ids and unknown areas', () => {
    for (const text of ['Apple M2 8GB', 'M1 2TB SSD', 'Room B1 2nd floor', 'W1 4th', 'SW1A2AA', 'PS5 2TB', 'QX1 2AB', 'T10 2026', 'iPhone 15 Pro']) {
      expect(matches(postcodeDetector, text)).toEqual([]);
    }
  });
});

describe('plus codes and what3words', () => {
  it.each([['84QVG8MJ+XR', '84QVG8MJ+XR'], ['at G8MJ+XR Portland', 'G8MJ+XR'], ['8FVC9G8F+6X', '8FVC9G8F+6X'], ['///index.home.raft', '///index.home.raft']])('finds %s', (text, code) => {
    expect(matches(geocodeDetector, text)).toEqual([code]);
  });

  it('leaves sums, languages and URLs', () => {
    for (const text of ['3456+78', 'C++ 2024', 'a+b', 'https://example.org/a', 'file:///etc/hosts', 'GGGG+']) expect(matches(geocodeDetector, text)).toEqual([]);
  });
});

describe('addresses inside host names', () => {
  it.each([
    ['ip-10-20-30-40.example.net', '10-20-30-40'], ['ec2-3-91-200-17.compute-1.amazonaws.com', '3-91-200-17'], ['10-20-30-40.sslip.io', '10-20-30-40'],
    ['dsl-10-20-30-40-dyn.isp.example', '10-20-30-40'], ['10_20_30_40.dyn.example', '10_20_30_40'], ['0x0a.0x14.0x1e.0x28', '0x0a.0x14.0x1e.0x28'],
  ])('finds %s', (text, ip) => {
    expect(matches(ipDetector, text)).toEqual([ip]);
  });

  it('leaves dashed numbers that are not host names', () => {
    for (const text of ['1-2-3-4.done', '2026-11-28.log', '1-10-20-30-40.example.com', '10-20-30-400.example.com', 'v1-2-3-4']) expect(matches(ipDetector, text)).toEqual([]);
  });
});

describe('plates, week dates and versions', () => {
  it('finds plates after other words, and not a price tag', () => {
    expect(matches(labelledIdDetector, 'Oregon tag 412 KLM')).toEqual(['412 KLM']);
    expect(matches(labelledIdDetector, 'tag # 7ABC123')).toEqual(['7ABC123']);
    expect(matches(labelledIdDetector, 'Kennzeichen B-MW 1234')).toEqual(['B-MW 1234']);
    expect(matches(labelledIdDetector, 'price tag 25 USD and tag 2026 flu')).toEqual([]);
  });

  it('finds an ISO week date with its weekday only', () => {
    expect(matches(dateDetector, 'born 1961-W11-2')).toEqual(['1961-W11-2']);
    expect(matches(dateDetector, 'report 2026-W48')).toEqual([]);
  });

  it('reads a dotted number after a product name as its version', () => {
    expect(matches(longNumberDetector, 'Chrome/131.0.6778.86')).toEqual([]);
    expect(matches(longNumberDetector, 'acct/1234.5678.9012')).toEqual(['1234.5678.9012']);
    expect(matches(longNumberDetector, 'acct/123456789')).toEqual(['123456789']);
  });
});

describe('prefilter gates for the new detectors', () => {
  it('never skips a detector that would fire', () => {
    const parts = ['84QV', 'G8MJ', '+', 'XR', 'X', '2', ' ', '/', '///', 'index', '.', 'home', 'SW1A', 'M1', '1AE', 'K1A', '0B1', 'D02', 'X285', '8GB', '2nd',
      'ip-', '10', '-', '_', '20', '0x', '1e', 'sslip', 'io', 'tag', 'Oregon ', ' # ', 'KLM', '1961', '-W11-', 'Chrome/', '131', '6778', 'a', 'é', '\u200e'];
    expectPrefilterSound(parts, { maxLength: 9, numRuns: 4000 });
  });
});
