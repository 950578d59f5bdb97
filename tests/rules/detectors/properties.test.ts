import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALL_DETECTORS,
  findAll,
  redactText,
  ssnValid,
  type Detection,
} from '../../../src/rules/detectors/index.js';
import { withLuhnDigit } from './helpers.js';

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

/** The first detection that is out of bounds, empty, unsorted or overlapping, if any. */
function malformed(text: string, found: readonly Detection[]): Detection | undefined {
  let prevEnd = 0;
  for (const d of found) {
    const ok =
      Number.isInteger(d.start) && Number.isInteger(d.end) && d.start >= prevEnd && d.end > d.start && d.end <= text.length;
    if (!ok) return d;
    prevEnd = d.end;
  }
  return undefined;
}

function assertWellFormed(text: string, found: readonly Detection[]): void {
  expect(malformed(text, found)).toBeUndefined();
}

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

describe('pathological inputs', () => {
  it.each([
    ['digits', '1'.repeat(200_000)],
    ['spaced digits', '1 '.repeat(100_000)],
    ['at signs', 'a@'.repeat(100_000)],
    ['dotted', '1.'.repeat(100_000)],
    ['colons', 'a:'.repeat(100_000)],
    ['local part', 'a'.repeat(200_000) + '@example.com'],
    ['labels', 'mrn '.repeat(50_000)],
    ['jwt-ish', 'eyJ' + 'a'.repeat(200_000)],
    ['url', 'http://' + 'a'.repeat(200_000)],
    ['surrogates', '\uD800'.repeat(100_000)],
    ['phone prefixes', '+1 '.repeat(66_000)],
    ['card groups', '4111 '.repeat(40_000)],
    ['token keys', 'token='.repeat(33_000)],
    ['key prefixes', 'a_'.repeat(100_000)],
    ['date fragments', '1/1/'.repeat(50_000)],
    ['iso fragments', '2024-01-'.repeat(25_000)],
    ['month names', 'Mar 1, '.repeat(28_000)],
    ['zip labels', 'zip: '.repeat(40_000)],
    ['hex colons', '1:'.repeat(100_000)],
    ['alnum', 'A1'.repeat(100_000)],
    ['encoded at', '%40a.b'.repeat(33_000)],
    ['many emails', 'a@b.co '.repeat(28_000)],
    ['many overlapping detections', '4111111111111111 '.repeat(11_000)],
  ])('handles 200k chars of %s quickly', (_name, text) => {
    // CPU time of this process, not wall time: on a loaded machine the wall clock also counts the time spent
    // waiting for a core, which made this guard fail at load 12+ while the scan itself took the same work.
    const started = process.cpuUsage();
    const found = findAll(text, ALL_DETECTORS);
    const used = process.cpuUsage(started);
    assertWellFormed(text, found);
    // Linear-time scanning keeps this around tens of milliseconds; quadratic would take minutes.
    expect((used.user + used.system) / 1000).toBeLessThan(3000);
  });
});
