import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Leak classes of a blind red-team pass (.tmp/h40/gen.mjs, written without reading the rules):
// an age said of a person without an age word, dates written in Chinese/Japanese/Korean, a
// profile URL typed without its scheme, and employee/badge/applicant ids under their own names.
// Each test uses its own spellings, not the generator's; the destination allows every property
// and trait.
const { sent } = openPlanProbe('u6');
const payload = (event: Record<string, unknown>) => {
  const out = sent({ type: 'track', event: 'Form Submitted', context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } }, ...event });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown; traits?: unknown } | null)[]).map((p) => [p?.properties ?? null, p?.traits ?? null]));
};
const step = (text: string) => payload({ properties: { step: text } });

describe('an age over 89 said of a person', () => {
  it.each(['my father is 94', 'My Mother was 92 when she fell', "my husband's 97", 'my grandma turned 101 today', "she's 93", "I'm 96", 'I am 95 and live alone'])(
    'redacts %s',
    (text) => {
      expect(step(text)).not.toMatch(/9[2-7]|101/);
    },
  );

  it('keeps numbers that are not ages, and the 90+ category', () => {
    for (const text of ['he is 95 lbs now', "I'm 90% sure", 'I am 95 minutes away', 'my father is 90+', 'my father is 64', 'room 95']) {
      expect(step(text)).toContain(text);
    }
  });
});

describe('dates in Chinese, Japanese and Korean', () => {
  it.each(['1942年3月3日', '生年月日: 1958年03月14日', '1961 年 3 月 14 日', '1961년 3월 14일'])('redacts %s', (text) => {
    expect(step(text)).not.toMatch(/3\s?[月월]/);
  });

  it('keeps a year alone and what is not a date', () => {
    expect(step('2026年 flu season')).toContain('2026年 flu season');
    expect(step('1942年13月3日')).toContain('1942年13月3日');
  });
});

describe('a profile URL typed without its scheme', () => {
  it.each(['linkedin.com/in/orvakhey-12', 'find me at facebook.com/orvakhey.l', 'Thanks, instagram.com/orvakhey | CVMG', 'bit.ly/orvakhey'])('redacts %s', (text) => {
    expect(step(text)).not.toContain('orvakhey');
  });

  it('keeps a site named without a path, versions and email-like text', () => {
    for (const text of ['Visit example.com for hours', 'v4.12/beta', 'Mon-Fri 8am-5pm', 'SKU-44-1021-B']) expect(step(text)).toContain(text);
  });
});

describe('employee, badge and applicant ids', () => {
  it.each([{ employee_id: 'E-040223' }, { employeeID: 'E-040223' }, { badge_number: 'E-040223' }, { staffId: 'E-040223' }, { applicant_id: 'E-040223' }, { donorId: 'E-040223' }])(
    'drops %o from properties and traits',
    (fields) => {
      expect(payload({ properties: { ...fields, form_id: 'job' } })).not.toContain('040223');
      expect(payload({ context: { traits: fields } })).not.toContain('040223');
    },
  );

  it('keeps fields that only start like one', () => {
    expect(payload({ properties: { staff_notes_count: '3', employee_count: '40' } })).toContain('"employee_count":"40"');
  });
});

describe('more date, email, label and name spellings', () => {
  it.each([
    ['a month-first dashed date', 'DOB Mar-14-1961', /14/],
    ['a day and month after an appointment word', 'appt on 12/3 at 2pm', /12\/3/],
    ['an address whose user part spells its dots', 'write jane dot orvakhey at gmail dot com', /orvakhey|jane/],
    ['a licence number after `lic no`', 'lic no WA12345', /12345/],
    ['an employee number in text', 'Employee ID: E-040223', /040223/],
    ['a name after `Mein Name ist`', 'Mein Name ist Hans Orvakhey', /Orvakhey/],
  ])('redacts %s', (_why, text, leaked) => {
    expect(step(text)).not.toMatch(leaked);
  });

  it('keeps campaign periods and prose', () => {
    for (const text of ['spring-2024 campaign', 'the dot com era', 'the license is valid', 'staff id card info']) expect(step(text)).toContain(text);
  });
});

describe('identifier fields under short, foreign and messenger names', () => {
  it.each(['tel_no', 'whatsapp', 'home_addr', 'addr_line_1', 'rue', 'wohnort', 'postleitzahl', 'mac_addr', 'android_id', 'geohash', 'profile_pic', 'voice_sample', 'nok', 'mothers_name', 'company', 'workplace', 'maiden', 'twitter_handle', 'instagram', 'skype', 'wechat', 'telegram', 'discord', 'line_id', 'carte_vitale'])(
    'drops %s',
    (key) => {
      expect(payload({ properties: { [key]: 'Orvakhey 4471', form_id: 'f' } })).not.toContain('Orvakhey');
    },
  );

  it('keeps keys that only contain those words', () => {
    const out = payload({ properties: { company_size: '50-200', handle_count: '3', error_handler: 'retry', rue_count: '2' } });
    for (const v of ['50-200', '"handle_count":"3"', 'retry', '"rue_count":"2"']) expect(out).toContain(v);
  });
});

describe('form answers whose field name sits beside the value', () => {
  it.each([
    ['FormData entries', { fields: [['last_name', 'Orvakhey'], ['plan', 'gold']] }],
    ['a builder input id beside its label', { fields: [{ name: 'input_1.6', label: 'Last', value: 'Orvakhey' }] }],
    ['short k/v pairs', { fields: [{ k: 'lname', v: 'Orvakhey' }] }],
    ['a question with answer_text', { fields: [{ question: 'Your last name', answer_text: 'Orvakhey' }] }],
    ['a label with input', { fields: [{ label: 'Surname', input: 'Orvakhey' }] }],
  ])('drops the value of %s', (_why, properties) => {
    expect(payload({ properties })).not.toContain('Orvakhey');
  });

  it('keeps entries and answers that name no identifier', () => {
    const out = payload({ properties: { fields: [['plan', 'gold'], { name: 'input_2', label: 'How did you hear?', value: 'radio' }], tags: [['web', 'fall']] } });
    for (const v of ['["plan","gold"]', '"value":"radio"', '["web","fall"]']) expect(out).toContain(v);
  });
});
