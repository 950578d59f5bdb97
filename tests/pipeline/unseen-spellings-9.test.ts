import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Classes found by the pass-10 red team (.tmp/h48/gen.mjs): names written as a record system prints
// them, person fields without `name` in their key, other scripts' field names, new pair spellings,
// numbers read out in words, HL7 birth dates, digits as a host name, handles after a cue, device
// and plate fields. Each test uses its own spellings, not the generator's; the destination allows
// every property and has no BAA.
const { sent } = openPlanProbe('u9');
const props = (properties: Record<string, unknown>): string => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, properties });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const step = (text: string) => props({ step: text });

describe('names as a record system prints them', () => {
  it.each([
    ['surname, given name and initial in capitals', 'BRACKENRIDGE, OTTILIE K'],
    ['the same in title case with a dot', 'Brackenridge, Ottilie K.'],
    ['a two-word surname', 'Van Tassel, Ottilie K'],
    ['capitals without a comma', 'BRACKENRIDGE OTTILIE K'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toMatch(/Brackenridge|BRACKENRIDGE|Tassel/);
    expect(props({ tags: ['web', text] })).not.toMatch(/Brackenridge|BRACKENRIDGE|Tassel/);
  });

  it('keeps places, departments and lettered plans', () => {
    for (const text of ['PORTLAND, OREGON', 'Salem, OR', 'CARDIOLOGY, INTERNAL MEDICINE', 'MEDICARE PART B', 'Vitamin D', 'Building 4, Wing C', 'Imaging, Floor B']) {
      expect(step(text)).toContain(text);
    }
  });
});

describe('fields that name a person without saying name', () => {
  it.each([['who'], ['attendee'], ['pt'], ['insured'], ['signer'], ['holder'], ['submittedBy']])('drops %s', (key) => {
    expect(props({ [key]: 'Ottilie Brackenridge', plan: 'gold' })).not.toContain('Brackenridge');
  });

  it.each([['이름'], ['성명'], ['фамилия'], ['имя'], ['氏名'], ['名前'], ['Họ và tên'], ['Prénom'], ['Straße']])('reads the key %s in its own script', (key) => {
    expect(props({ [key]: 'Brackenridge 12' })).not.toContain('Brackenridge');
  });

  it('keeps keys of other scripts that name nothing', () => {
    expect(props({ 'ключ': 'gold', 'プラン': 'silver' })).toContain('"ключ":"gold"');
  });
});

describe('label and value pairs of wizards and page builders', () => {
  it.each([
    ['{step, value}', { step: 'medical record number', value: 'X7781204' }, /X7781204/],
    ['{prompt, response}', { prompt: 'Your surname', response: 'Brackenridge' }, /Brackenridge/],
    ['{caption, content}', { caption: 'Member ID', content: 'QZ44120981' }, /QZ44120981/],
    ['{kind, val}', { kind: 'mobile', val: '971-555-0177' }, /0177/],
    ['{header, cell}', { header: 'Surname', cell: 'Brackenridge' }, /Brackenridge/],
    ['{placeholder, value}', { placeholder: 'Family name', value: 'Brackenridge' }, /Brackenridge/],
    ['{question, reply}', { question: 'Email address', reply: 'o.b@mail.example' }, /o\.b@/],
  ])('follows the label of %s', (_why, pair, leaked) => {
    expect(props({ items: [pair] })).not.toMatch(leaked);
  });

  it('keeps pairs whose label names nothing', () => {
    expect(props({ items: [{ step: 'checkout', value: 49.99 }, { kind: 'plan', val: 'gold' }] })).toContain('{"kind":"plan","val":"gold"}');
  });
});

describe('numbers read out in words', () => {
  it.each([
    ['words after call', 'please call nine seven one, five five five, zero one seven seven'],
    ['words and digits after a phone word', 'my cell is 971 five five five 0177'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toMatch(/five five five|0177|zero one seven seven/);
  });

  it('keeps counting without a phone word', () => {
    const text = 'steps one two three four five six seven';
    expect(step(text)).toContain(text);
  });
});

describe('HL7 birth dates, hosts and handles', () => {
  it('keeps the year of a PID-7 birth date', () => {
    const out = step('PID|1||4410^^^UBC^MR||BRACKENRIDGE^OTTILIE||19590627|F');
    expect(out).toContain('|1959|');
    expect(out).not.toMatch(/19590627|BRACKENRIDGE/);
  });

  it('replaces a phone number used as a host name', () => {
    const out = props({ link: 'https://9715550177.sms-relay.example/in' });
    expect(out).not.toContain('9715550177');
    expect(out).toContain('sms-relay.example');
  });

  it('redacts a handle after a cue and keeps a bare at-rule', () => {
    expect(step('find me on insta @ottilie.b_59')).not.toContain('ottilie');
    expect(step('@media print')).toContain('@media print');
  });
});

describe('device, plate and licence fields', () => {
  it.each([['cgm_id', '8K4410'], ['transmitterId', '8K4410'], ['pump_sn', 'NG4410771H'], ['Kennzeichen', 'HH-OB 59'], ['placa', 'BRA2E19'], ['state_id', 'Y4410771'], ['avatarUrl', 'https://cdn.example/u/ottilie-b.png']])('drops %s', (key, value) => {
    expect(props({ [key]: value, plan: 'gold' })).not.toContain(value);
  });
});

describe('old months, circled at signs, inlined pictures and UDI serials', () => {
  it.each([
    ['an old month and year', 'since 07/1949', /1949/],
    ['the year first', '1949-07', /1949/],
    ['a month name and an old year', 'Jul. 1949', /1949/],
    ['a circled at sign', 'o.brackenridgeⓐmail.example', /brackenridge/],
    ['an inlined picture', 'data:image/jpeg;base64,/9j/4AAQSkZJRgABAQEASABIAAD', /9j\/4AAQ/],
    ['a UDI serial', '(01)00812345678905(17)280101(21)QX55012', /QX55012/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps recent months and the device id of a UDI', () => {
    for (const text of ['Nov 2026 newsletter', '2024-03', 'exp 03/28']) expect(step(text)).toContain(text);
    expect(step('lot (10)A55 model (01)00812345678905')).toContain('(10)A55');
  });
});

describe('more fields that hold a person', () => {
  it.each([['guest'], ['passenger'], ['bookedFor'], ['payee'], ['titular'], ['Versicherter'], ['フリガナ'], ['セイ'], ['الاسم'], ['שם']])('drops %s', (key) => {
    expect(props({ [key]: 'Ottilie Brackenridge', plan: 'gold' })).not.toContain('Brackenridge');
  });
});

describe('serials with dots, licences naming their state, member numbers', () => {
  it.each([
    ['a serial after S.N.', 'S.N. 7731902B', /7731902B/],
    ['a licence after its state', 'lic no. OR KESTR559QZ', /KESTR559QZ/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it.each([['mbr_id'], ['MemberNum']])('drops %s', (key) => {
    expect(props({ [key]: 'QX5512044', plan: 'gold' })).not.toContain('QX5512044');
  });
});
