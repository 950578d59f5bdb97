import { describe, expect, it } from 'vitest';
import { OPEN_SITE, openPlanProbe } from '../helpers/open-plan.js';

// Leak classes of a sixth red-team pass (.tmp/h36/gen.mjs): webmail addresses written without
// their TLD, defanged IP addresses, ages over 89 in other languages and as bucket fields,
// type-first street addresses, Medicare numbers spaced as printed, digits of other scripts,
// references that spell dashes, data: URIs. Each test uses its own spellings, not the
// generator's; the destination allows every property and trait.
const { sent } = openPlanProbe('u5');
// What leaves in `properties` (timestamps elsewhere in the payload hold digits of their own).
const track = (properties: Record<string, unknown>) => {
  const out = sent({ type: 'track', event: 'Form Submitted', properties, context: { page: { path: '/contact', url: `${OPEN_SITE}/contact` } } });
  return JSON.stringify((JSON.parse(out) as ({ properties?: unknown } | null)[]).map((p) => p?.properties ?? null));
};
const step = (text: string) => track({ step: text });

describe('webmail addresses without a TLD', () => {
  it.each([
    ['a bare at', 'reach me: lena.vossq at gmail'],
    ['upper case', 'LENA.VOSSQ AT YAHOO'],
    ['a bracketed at', 'lena.vossq(at)aol'],
    ['an @ alone', 'lena.vossq@protonmail'],
    ['an @ with spaces', 'lena.vossq @ hotmail'],
    ['a full stop after', 'write to lena.vossq@outlook.'],
  ])('redacts %s', (_why, text) => {
    expect(step(text)).not.toContain('vossq');
  });

  it('keeps prose about the companies', () => {
    expect(step('Meet us at Gmail HQ')).toContain('Meet us at Gmail HQ');
    expect(step('we are at yahoo today')).toContain('we are at yahoo today');
    expect(step('Staff at Yahoo! health day')).toContain('Staff at Yahoo! health day');
  });
});

describe('defanged IP addresses', () => {
  it.each(['192.0[.]2.77', '192(.)0(.)2(.)77', 'hxxp://192[.]0[.]2[.]77/x', '192[dot]0[dot]2[dot]77', '192 . 0 . 2 . 77'])('redacts %s', (text) => {
    expect(step(`seen from ${text}`)).not.toMatch(/2\D{0,5}77/);
  });

  it('keeps versions and bracketed numbers', () => {
    expect(step('v2.14.3 [1.2] (3.5) 10 . 5')).toContain('v2.14.3 [1.2] (3.5) 10 . 5');
  });
});

describe('ages over 89', () => {
  it.each(['elle a 93 ans', 'tiene 93 años', '93 Jahre alt', '93 anni', '93 jaar oud', 'im Alter von 93', 'age 93+'])('redacts %s', (text) => {
    expect(step(text)).not.toContain('93');
  });

  it.each([{ age_bucket: '95-99' }, { ageGroup: '95+' }, { patient_age_years: '96' }])('generalises an age bucket field %o', (properties) => {
    expect(track(properties)).not.toMatch(/9[5-9]/);
  });

  it('keeps the Safe Harbor category and spans of years', () => {
    expect(step('age 90+')).toContain('age 90+');
    expect(step('Ages 90 and up welcome')).toContain('Ages 90 and up welcome');
    expect(step('Ages 95 and up: special programs')).toContain('Ages 95 and up: special programs');
    expect(step('90 ans de soins')).toContain('90 ans de soins');
    expect(step('95 años de experiencia')).toContain('95 años de experiencia');
  });
});

describe('type-first street addresses', () => {
  it.each(['Calle Ordoñezq 14', 'Avenida Ordoñezq 1402, Lima', 'Rua Ordoñezq 300', 'Via Ordoñezq 9, Torino', 'Paseo de Ordoñezq 21', 'Ordoñezqstraße 4', '15, avenue Ordoñezq'])(
    'redacts %s',
    (text) => {
      expect(step(text)).not.toContain('Ordoñezq');
    },
  );

  it('keeps place names without a house number', () => {
    expect(step('Calle Mayor location opens soon')).toContain('Calle Mayor location opens soon');
    expect(step('Via Christi Hospital 2024 report')).toContain('Via Christi Hospital 2024 report');
  });
});

describe('contacts and appointments saved as vCard / iCalendar text', () => {
  it.each([
    ['a card', 'BEGIN:VCARD\nVERSION:3.0\nFN:Lena Vossq\nTEL;TYPE=cell:+1 617 555 0143\nEND:VCARD'],
    ['a structured name', 'BEGIN:VCARD\nN:Vossq;Lena;;;\nEND:VCARD'],
    ['one property', 'FN:Lena Vossq'],
    ['an attendee', 'ATTENDEE;CN=Lena Vossq:mailto:care@example.org'],
  ])('drops the person in %s', (_why, text) => {
    const out = step(text);
    expect(out).not.toContain('Vossq');
    expect(out).not.toContain('0143');
  });

  // Pass 11 (H53): an invite's SUMMARY is its subject, free text a destination without a BAA does not
  // get (clinic calendars write `Follow-up - DOE, JANE`); the card's other lines stay.
  it('keeps an appointment date to its year and the rest of the event', () => {
    const out = step('BEGIN:VEVENT\nDTSTART:20260315T140000Z\nSUMMARY:Flu shot\nEND:VEVENT');
    expect(out).not.toContain('0315');
    expect(out).toContain('BEGIN:VEVENT');
    expect(out).toContain('SUMMARY:[REDACTED]');
    expect(out).toContain('END:VEVENT');
  });
});

describe('month-and-year dates of care events', () => {
  it.each(['my surgery was in March 2019', 'appointment: 03/2024', 'appt Mar 2024', 'hospitalized in May 2019'])('redacts %s', (text) => {
    expect(step(text)).not.toMatch(/Ma[ry]|03\//);
  });

  it('keeps marketing copy with months', () => {
    for (const t of ['Open since March 2019', 'Surgery Center opening March 2025', 'Appointments available from March 2025', 'Spring 2024 newsletter'])
      expect(step(t)).toContain(t);
  });
});

describe('identifiers in other spellings', () => {
  it('redacts a Medicare number spaced as the card prints it', () => {
    expect(step('card 1EG4 TE5 MK72')).not.toContain('TE5');
  });

  it.each([
    ['Arabic-Indic digits', '٦١٧-٥٥٥-٠١٤٣'],
    ['Devanagari digits', 'SSN ६१७-२२-४४८६'],
    ['Bengali digits', 'phone ৬১৭ ৫৫৫ ০১৪৩'],
  ])('redacts a number written in %s', (_why, text) => {
    const out = step(text);
    expect(out).not.toContain(text.slice(-4));
  });

  it.each([
    ['named dashes', '617&ndash;555&ndash;0143'],
    ['a numeric non-breaking hyphen', '(617)&nbsp;555&#8209;0143'],
  ])('redacts a phone number spelled with %s', (_why, text) => {
    expect(step(text)).not.toContain('0143');
  });

  it('redacts what a data: URI carries in base64', () => {
    const uri = `data:application/json;base64,${Buffer.from('{"phone":"617-555-0143"}').toString('base64')}`;
    const out = track({ cta: uri });
    expect(out).not.toContain(uri);
    expect(out).not.toContain('0143');
  });

  it('keeps clean look-alikes', () => {
    for (const t of ['Order 2024-03', 'v2.14.3', 'Total $1,249.99', 'Open since March 2019', 'Step 3 of 5', 'Room 90']) expect(step(t)).toContain(t);
  });
});
