import { describe, expect, it } from 'vitest';
import {
  ALL_DETECTORS,
  DETECTORS_BY_KIND,
  findAll,
  redactText,
  type Detection,
  type ValueDetector,
} from '../../../src/rules/detectors/index.js';
import { defineDetector } from '../../../src/rules/detectors/define.js';

const KINDS = [
  'email', 'online_handle', 'phone', 'ssn', 'ip', 'date', 'zip', 'url', 'credit_card', 'mbi', 'npi', 'dea', 'vin',
  'labelled_id', 'jwt', 'bearer', 'long_number', 'uuid', 'code_like', 'street_address',
  'ssn_partial', 'partial_date', 'spoken_date', 'day_month', 'kvnr', 'mrz', 'person_name', 'mac', 'phone_local', 'phone_vanity', 'age_over_89', 'geo', 'photo_path', 'postcode', 'geocode', 'spelled_id', 'lookalike_number',
];

function fixed(kind: string, label: string, spans: Array<[number, number]>): ValueDetector {
  return {
    kind,
    label,
    safeHarbor: 'R',
    find(_text: string, out: Detection[]) {
      for (const [start, end] of spans) out.push({ start, end, kind });
    },
  };
}

describe('registry', () => {
  it('exposes every detector once, by kind, with a label and Safe Harbor letter', () => {
    expect(ALL_DETECTORS.map((d) => d.kind).sort()).toEqual([...KINDS].sort());
    expect(DETECTORS_BY_KIND.size).toBe(KINDS.length);
    for (const d of ALL_DETECTORS) {
      expect(DETECTORS_BY_KIND.get(d.kind)).toBe(d);
      expect(d.label).toMatch(/^\[[A-Z]+\]$/);
      expect(d.safeHarbor).toMatch(/^[A-R](\/[A-R])*$/);
    }
  });

  it('keeps the long-number safety net last', () => {
    expect(ALL_DETECTORS[ALL_DETECTORS.length - 1].kind).toBe('long_number');
  });
});

describe('redactText', () => {
  it('leaves no raw value in the reference sentence', () => {
    const text =
      'Hi, this is Kenji, call me at (617) 555-0002 or kenji@mailbox.example, SSN 495-57-0053, MRN: 23078668';
    const result = redactText(text, ALL_DETECTORS);
    expect(result.text).toBe('Hi, this is [NAME], call me at [PHONE] or [EMAIL], SSN [SSN], MRN: [ID]');
    for (const raw of ['Kenji', '617', '555-0002', 'kenji@', 'mailbox.example', '495-57-0053', '23078668']) {
      expect(result.text).not.toContain(raw);
    }
    expect(result.kinds).toEqual(['person_name', 'phone', 'email', 'ssn', 'labelled_id']);
  });

  it('redacts identifiers in a page URL', () => {
    const url =
      'https://portal.example.org/visit/2024-03-14?email=jane.doe%40example.com&dob=03/14/1961&mrn=A1234567';
    const result = redactText(url, ALL_DETECTORS.filter((d) => d.kind !== 'url'));
    expect(result.text).toBe('https://portal.example.org/visit/[DATE]?email=[EMAIL]&dob=[DATE]&mrn=[ID]');
  });

  it('reports each kind once', () => {
    expect(redactText('a@b.io c@d.io', ALL_DETECTORS)).toEqual({ text: '[EMAIL] [EMAIL]', kinds: ['email'] });
  });

  it('returns the text untouched when nothing matches', () => {
    expect(redactText('Flu shots – Boston clinic', ALL_DETECTORS)).toEqual({ text: 'Flu shots – Boston clinic', kinds: [] });
    expect(redactText('', ALL_DETECTORS)).toEqual({ text: '', kinds: [] });
  });
});

describe('findAll', () => {
  it('returns non-overlapping detections sorted by start', () => {
    const text = 'x 4111 1111 1111 1111 y 192.168.0.1 z jane@x.org';
    const found = findAll(text, ALL_DETECTORS);
    expect(found.map((d) => [d.kind, text.slice(d.start, d.end)])).toEqual([
      ['credit_card', '4111 1111 1111 1111'],
      ['ip', '192.168.0.1'],
      ['email', 'jane@x.org'],
    ]);
  });

  it('keeps the longer of two overlapping detections', () => {
    const a = fixed('a', '[A]', [[0, 3]]);
    const b = fixed('b', '[B]', [[2, 8]]);
    expect(findAll('0123456789', [a, b])).toEqual([{ start: 2, end: 8, kind: 'b' }]);
  });

  it('breaks ties by detector order', () => {
    const a = fixed('a', '[A]', [[1, 4]]);
    const b = fixed('b', '[B]', [[2, 5]]);
    expect(findAll('0123456789', [a, b])).toEqual([{ start: 1, end: 4, kind: 'a' }]);
    expect(findAll('0123456789', [b, a])).toEqual([{ start: 2, end: 5, kind: 'b' }]);
  });

  it('drops out-of-bounds or empty spans from custom detectors', () => {
    const bad = fixed('bad', '[BAD]', [[-1, 2], [3, 3], [5, 99], [6, 4]]);
    expect(findAll('0123456789', [bad])).toEqual([]);
  });

  it('lets a URL win over the email inside it', () => {
    const text = 'go https://x.com/?e=jane@x.org now';
    expect(redactText(text, ALL_DETECTORS).text).toBe('go [URL] now');
  });

  it('never lets the long-number safety net displace a specific match', () => {
    // 11 digits across the SSN and a trailing number: long_number would be longer than the SSN.
    expect(redactText('SSN 495-57-0053 12 more', ALL_DETECTORS)).toEqual({ text: 'SSN [SSN] 12 more', kinds: ['ssn'] });
  });

  it('still applies the safety net to the part of a long run no one claimed', () => {
    expect(redactText('NPI 1234567893 1234567890', ALL_DETECTORS)).toEqual({
      text: 'NPI [NPI] [NUMBER]',
      kinds: ['npi', 'long_number'],
    });
  });

  it('uses the safety net when no specific detector validates', () => {
    expect(redactText('order 4111111111111112', ALL_DETECTORS).text).toBe('order [NUMBER]');
  });

  it('fails closed if a detector throws', () => {
    const broken: ValueDetector = {
      kind: 'broken',
      label: '[X]',
      safeHarbor: 'R',
      find() {
        throw new Error('boom');
      },
    };
    expect(redactText('jane@x.org secret', [ALL_DETECTORS[0], broken])).toEqual({ text: '[X]', kinds: ['broken'] });
  });

  it('built-in detectors fail closed too: a crashing scan reports the whole text', () => {
    const crashing = defineDetector('crash', '[C]', 'R', () => {
      throw new RangeError('engine limit');
    });
    const out: Detection[] = [{ start: 0, end: 1, kind: 'earlier' }];
    expect(() => crashing.find('some text', out)).not.toThrow();
    expect(out).toEqual([{ start: 0, end: 1, kind: 'earlier' }, { start: 0, end: 9, kind: 'crash' }]);
  });

  it('built-in detectors ignore non-string input from untyped callers', () => {
    for (const d of ALL_DETECTORS) {
      const out: Detection[] = [];
      d.find(12345678901 as unknown as string, out);
      d.find(null as unknown as string, out);
      expect(out).toEqual([]);
    }
  });
});
