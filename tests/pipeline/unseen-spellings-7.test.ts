import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Leak classes of a blind red-team pass (.tmp/h44/gen.mjs, written without reading the rules):
// addresses inside host names, postcodes of other countries and geocodes in text, a date's parts
// in fields of their own and an infant's age in days, direction marks inside an address, pairs
// under other builders' names, FHIR names, tables and XML kept as text, plates after other words.
// Each test uses its own spellings, not the generator's; the destination allows every property
// and trait and has no BAA.
const { sent } = openPlanProbe('u7');
const payload = (event: Record<string, unknown>) => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, ...event });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown; traits?: unknown } | null)[]).map((p) => [p?.properties ?? null, p?.traits ?? null]));
};
const step = (text: string) => payload({ properties: { step: text } });

describe('an IP address inside a host name', () => {
  it.each([
    ['an ISP host', 'client ip-98-114-7-201.dsl.example.net', /98-114-7-201/],
    ['a cable host', 'c-98-114-7-201.hsd1.wa.comcast.net', /98-114-7-201/],
    ['a cloud host', 'ec2-3-91-200-17.compute-1.amazonaws.com', /3-91-200-17/],
    ['a host with words after the address', 'pool-98-114-7-201-dyn.fios.example.net', /98-114-7-201/],
    ['underscores', 'host 98_114_7_201.dyn.example', /98_114_7_201/],
    ['hexadecimal octets', 'peer 0x62.0x72.0x7.0xc9', /0x62\.0x72/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps dates, versions and ranges with dashes', () => {
    for (const text of ['build 10-2-3', 'sizes 1-2-3-4 cm', 'v1-2-3-4', 'steps 1-2-3-4.done']) expect(step(text)).toContain(text);
  });
});

describe('postcodes of other countries and geocodes in text', () => {
  it.each([
    ['a UK postcode', 'deliver to EC1A 1BB please', /1BB/],
    ['a lower-case UK postcode', 'my postcode is ls1 4ap', /4ap/],
    ['a Canadian postal code', 'Montréal H3B 2Y5', /2Y5/],
    ['an Eircode', 'Eircode: A65 F4E2', /F4E2/],
    ['a full plus code', 'pin 87G8Q2PQ+VX', /Q2PQ/],
    ['a short plus code', 'meet at Q2PQ+VX Manhattan', /Q2PQ/],
    ['a what3words address', 'door at ///filled.count.soap', /filled\.count/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps chips, storage sizes, sums and ordinary slashes', () => {
    for (const text of ['MacBook Air M2 8GB', 'SSD M1 2TB', '3456+78', 'C++ and C#', 'a/b//c', 'Room B1 2nd floor']) {
      expect(step(text)).toContain(text);
    }
  });
});

describe('a birth date in parts, an infant age in days, a week date', () => {
  it('drops the day and month of a split birth date and keeps its year', () => {
    const out = payload({ properties: { dob_day: '21', dob_month: '7', dob_year: '1984', birth_month: 'July' } });
    expect(out).not.toMatch(/"21"|"7"|July/);
    expect(out).toContain('1984');
  });

  it('drops an age in days, weeks or hours, and keeps ages and an age in months', () => {
    const out = payload({ properties: { baby_age_days: 19, ageInWeeks: '3', age_hours: 30, age: 93, age_months: 7 } });
    expect(out).not.toMatch(/19|"3"|30/);
    expect(out).toContain('"age":">=90"');
    expect(out).toContain('"age_months":7');
  });

  it('redacts an ISO week date in text and keeps a week alone', () => {
    expect(step('born 1984-W29-6')).not.toContain('W29');
    expect(step('report for 2026-W48')).toContain('2026-W48');
  });
});

describe('encodings of an address', () => {
  it.each([
    ['direction marks', 'ingrid.vosk\u200f@mail.example'],
    ['an isolate around it', '\u2066ingrid.vosk@mail.example\u2069'],
    ['an escaped override', 'ingrid.vosk\\u202e@mail.example'],
    ['an escaped fullwidth at', 'ingrid.vosk\\uff20mail.example'],
    ['quoted-printable', 'ingrid.vosk=40mail.example'],
  ])('redacts one with %s', (_why, text) => {
    expect(step(text)).not.toContain('vosk');
  });

  it('keeps query strings with =40', () => {
    expect(step('limit=40&offset=80')).toContain('limit=40&offset=80');
  });
});

describe('fields named beside their values', () => {
  it.each([
    ['{n, v}', { kv: [{ n: 'surname', v: 'Voskridge' }] }],
    ['{attribute, value}', { attrs: [{ attribute: 'last_name', value: 'Voskridge' }] }],
    ['{property, data}', { p: [{ property: 'lastName', data: 'Voskridge' }] }],
    ['{name, values}', { fields: [{ name: 'last_name', values: ['Voskridge'] }] }],
    ['{type, value}', { items: [{ type: 'lastName', value: 'Voskridge' }] }],
    ['a label object', { answers: [{ field: { id: 'x1', ref: 'last_name' }, type: 'text', text: 'Voskridge' }] }],
    ['a FHIR name', { resource: { name: [{ family: 'Voskridge', given: ['Ingrid'] }] } }],
    ['a gift recipient', { gift: { recipient: 'Ingrid Voskridge', in_memory_of: 'Ann Voskridge' } }],
  ])('drops the value of %s', (_why, properties) => {
    expect(payload({ properties })).not.toContain('Voskridge');
  });

  it('keeps pairs that name no identifier, and `family` without `given`', () => {
    const out = payload({ properties: { opt: [{ type: 'currency', value: 'USD' }], os: { family: 'Windows' }, kv: [{ n: 'plan', v: 'gold' }] } });
    for (const v of ['"value":"USD"', '"family":"Windows"', '"v":"gold"']) expect(out).toContain(v);
  });
});

describe('tables and XML kept as text', () => {
  it.each([
    ['a CSV export', 'first,last,dob\nIngrid,Voskridge,07/21/1984'],
    ['a quoted cell with a comma', 'Name;City\n"Voskridge, Ingrid";Tacoma'],
    ['tab-separated', 'surname\tplan\nVoskridge\tgold'],
    ['XML elements', '<patient><lastName>Voskridge</lastName></patient>'],
    ['namespaced XML', '<ns:familyName>Voskridge</ns:familyName>'],
  ])('drops the named cells of %s', (_why, text) => {
    expect(payload({ properties: { blob: text } })).not.toContain('Voskridge');
  });

  it('keeps the header and unnamed cells', () => {
    const out = payload({ properties: { blob: 'last,plan\nVoskridge,gold' } });
    expect(out).toContain('last,plan');
    expect(out).toContain('gold');
  });
});

describe('plates after other words', () => {
  it.each(['Oregon tag 412 KLM', 'WA tag: BXT 9921', 'tag # 7ABC123', 'Kennzeichen B-MW 1234', 'matrícula 1234 BCD'])('redacts %s', (text) => {
    expect(step(text)).not.toMatch(/412|9921|7ABC|1234/);
  });

  it('keeps price tags and registrations for events', () => {
    for (const text of ['price tag 25 USD', 'tag 2026 flu', 'registration opens 12 noon']) expect(step(text)).toContain(text);
  });
});

describe('versions after a product name', () => {
  it('keeps them, and keeps redacting numbers after other words', () => {
    expect(step('Chrome/131.0.6778.86')).toContain('Chrome/131.0.6778.86');
    expect(step('acct/1234.5678.9012')).not.toContain('5678');
  });
});
