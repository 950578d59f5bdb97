import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_DETECTORS,
  findAll,
  redactText,
  ssnValid,
  type Detection,
} from '../../../src/rules/detectors/index.js';
import { assertWellFormed, withLuhnDigit } from './helpers.js';

// Single UTF-16 code units, lone surrogates included: `fc.string({ unit: 'binary' })` never
// produces half surrogate pairs, and those are exactly what naive slicing code trips on.
const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
// Fragments that drive every detector deep into its matching and validation paths.
const fragment = fc.constantFrom(
  '0', '1', '2', '4', '5', '9', '-', '.', ' ', '/', '(', ')', '+', '@', '%40', '%3D', ':', '::', '#', '=', '&',
  'a', 'F', 'x', 'T', 'Z', 'eyJ', 'MRN', 'mrn: ', 'www.', 'http://', 'https%3A%2F%2F', '_', 'Mar ', 'zip ',
  'VIN ', 'Bearer ', 'token=', 'ffff', '1EG4', 'BB', '.com', '\n', '\uD800', '\uDC00', 'é', '😀',
);

const texts = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: codeUnit, maxLength: 200 }),
  fc.string({ unit: fragment, maxLength: 80 }),
);

describe('properties on arbitrary strings', () => {
  it('no detector throws, and every detection is in bounds', () => {
    fc.assert(
      fc.property(texts, (text) => {
        for (const detector of ALL_DETECTORS) {
          const out: Detection[] = [];
          detector.find(text, out);
          for (const d of out) {
            expect(d.kind).toBe(detector.kind);
            expect(d.start).toBeGreaterThanOrEqual(0);
            expect(d.end).toBeGreaterThan(d.start);
            expect(d.end).toBeLessThanOrEqual(text.length);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('findAll returns in-bounds, sorted, non-overlapping detections', () => {
    fc.assert(
      fc.property(texts, (text) => {
        assertWellFormed(text, findAll(text, ALL_DETECTORS));
      }),
      { numRuns: 400 },
    );
  });

  it('redactText only rewrites detected spans', () => {
    fc.assert(
      fc.property(texts, (text) => {
        const found = findAll(text, ALL_DETECTORS);
        const { text: out, kinds } = redactText(text, ALL_DETECTORS);
        if (found.length === 0) expect(out).toBe(text);
        expect(new Set(kinds)).toEqual(new Set(found.map((d) => d.kind)));
      }),
      { numRuns: 200 },
    );
  });
});

const surroundings = fc.tuple(fc.string({ unit: 'grapheme', maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 40 }));

const validSsn = fc
  .tuple(
    fc.integer({ min: 1, max: 899 }).filter((a) => a !== 666),
    fc.integer({ min: 1, max: 99 }),
    fc.integer({ min: 1, max: 9999 }),
    fc.constantFrom('-', ' ', '.', ''),
  )
  .map(([a, g, s, sep]) => `${String(a).padStart(3, '0')}${sep}${String(g).padStart(2, '0')}${sep}${String(s).padStart(4, '0')}`)
  .filter((s) => ssnValid(s.replace(/[ .-]/g, '')));

const validCard = fc
  .tuple(
    fc.constantFrom('4', '51', '55', '37', '6011'),
    fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 15, maxLength: 15 }),
    fc.constantFrom('', ' ', '-'),
  )
  .map(([prefix, rest, sep]) => {
    const pan = withLuhnDigit((prefix + rest.join('')).slice(0, 15));
    return sep === '' ? pan : [pan.slice(0, 4), pan.slice(4, 8), pan.slice(8, 12), pan.slice(12)].join(sep);
  });

const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/);
const validEmail = fc
  .tuple(
    fc.stringMatching(/^[a-z0-9]{1,8}([._+-][a-z0-9]{1,8}){0,2}$/),
    fc.array(label, { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'org', 'net', 'io', 'health', 'example', 'co.uk'),
    fc.boolean(),
  )
  .map(([local, labels, tld, encoded]) => `${local}${encoded ? '%40' : '@'}${labels.join('.')}.${tld}`);

describe('planted identifiers are always redacted', () => {
  for (const [name, arb] of [
    ['SSN', validSsn],
    ['card', validCard],
    ['email', validEmail],
  ] as const) {
    it(`a valid ${name} inside random text never survives`, () => {
      fc.assert(
        fc.property(arb, surroundings, (value, [before, after]) => {
          const { text } = redactText(`${before} ${value} ${after}`, ALL_DETECTORS);
          expect(text).not.toContain(value);
        }),
        { numRuns: 300 },
      );
    });
  }
});
