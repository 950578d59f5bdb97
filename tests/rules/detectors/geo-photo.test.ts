import { describe, expect, it } from 'vitest';
import { geoDetector } from '../../../src/rules/detectors/geo.js';
import { photoPathDetector } from '../../../src/rules/detectors/photo-path.js';
import { coordinatePair } from '../../../src/rules/detectors/geo.js';
import { matches } from './helpers.js';
import { ALL_DETECTORS, DETECTORS_BY_KIND } from '../../../src/rules/detectors/index.js';
import { DetectorPrefilter } from '../../../src/rules/detectors/prefilter.js';

describe('geo', () => {
  it.each([
    ['35.68951,139.69171', '35.68951,139.69171'],
    ['meet at -33.8688, 151.2093 please', '-33.8688, 151.2093'],
    ['lat=40.4168 lng=-3.7038', '40.4168 lng=-3.7038'],
    ['pin 48.858 2.294', '48.858 2.294'],
    ['35\u00b041\'22.2"N 139\u00b041\'30.1"E', '35\u00b041\'22.2"N'],
  ])('finds the coordinates in %s', (text, found) => {
    expect(matches(geoDetector, text)[0]).toBe(found);
  });

  it.each([
    'version 10.2.3 build 4.5.6',
    'Score 4.5 of 5, 12.99 USD',
    '198.51.100.7 and 203.0.113.9',
    '2026-11-28T13:38:47.022Z',
    'rates 245.123, 301.456',
  ])('leaves %s alone', (text) => {
    expect(matches(geoDetector, text)).toEqual([]);
  });

  it('reads two precise numbers in range as a pair', () => {
    expect(coordinatePair(35.68951, 139.69171)).toBe(true);
    expect(coordinatePair(1.5, 2.25)).toBe(false);
    expect(coordinatePair(245.123, 301.456)).toBe(false);
    expect(coordinatePair('35.68951', 139.69171)).toBe(false);
  });
});

describe('photo_path', () => {
  it.each([
    'patient/4471/scan_front.PNG',
    '/avatars/k/kim-lee.gif',
    'kim_lee_selfie.jpeg',
    'uploads/idcard-kim-lee.webp',
  ])('finds %s', (path) => {
    expect(matches(photoPathDetector, `see ${path} now`)).toEqual([path]);
  });

  it.each(['/images/hero-banner.jpg', '/wp-content/uploads/2024/05/flu-clinic.png', 'logo.svg', 'report.pdf'])('leaves %s alone', (path) => {
    expect(matches(photoPathDetector, path)).toEqual([]);
  });
});

describe('prefilter gates of geo and photo_path', () => {
  const prefilter = new DetectorPrefilter(ALL_DETECTORS, DETECTORS_BY_KIND);
  it.each(['35.68951,139.69171', 'lat 40.4168 lng -3.7038', '35\u00b041\'22"N 139\u00b041\'30"E'])('lets %s reach geo', (text) => {
    expect(prefilter.candidates(text)).toContain(geoDetector);
  });
  it.each(['kim_lee_selfie.JPEG', 'patients/kim.png', 'a/avatars/b.webp', 'x/photos/y.HEIC', 'users/z.tif'])('lets %s reach photo_path', (text) => {
    expect(prefilter.candidates(text)).toContain(photoPathDetector);
  });
});
