import { describe, expect, it } from 'vitest';
import { HOME_PAGE, openPlanProbe } from '../helpers/open-plan.js';
import { expectPrefilterSound } from '../helpers/prefilter-soundness.js';

// Blind pass 22 (H90), second part: self-introductions in other languages, `it's` a caller, a message signed at its
// end, Vietnamese `my name is`, a continental postcode and city after an address, and TCF consent strings that stay.
const { sent } = openPlanProbe('own-words');
const track = (properties: Record<string, unknown>) => ({ type: 'track', event: 'Form Submitted', properties, ...HOME_PAGE });

describe('names people write about themselves', () => {
  it.each([
    ['Spanish soy, with particles', 'Hola, soy María José de la Cruz y quiero una cita', 'José'],
    ['French je suis', "Bonjour, je suis Jean-Luc O'Brien, merci", "O'Brien"],
    ['German ich bin', 'Hallo, ich bin Hans Müller und brauche einen Termin', 'Müller'],
    ['Portuguese sou a', 'Olá, sou a Ana Souza', 'Souza'],
    ["it's, as a caller", "hi it's Ferdinand Ashcombe, my birthday is soon", 'Ashcombe'],
    ['a signature after a dash', 'Dr Patel was great. You can reach me at the front desk - Imogen Thistlewood', 'Thistlewood'],
    ['Vietnamese', 'Tên tôi là Nguyễn Thị Minh, xin gọi lại', 'Nguyễn'],
  ])('removes the name in %s', (_what, text, name) => {
    expect(sent(track({ q2_response: text }))).not.toContain(name);
  });

  it('keeps product copy and titles that look like those shapes', () => {
    const labels = ['Soy Protein Shake', 'organic soy Milk Alternative', 'je suis Prête à partir', "it's Monday, see you", "it's Open Enrollment, sign up",
      'About Us - Kaiser Permanente', 'I loved the staff - Northbay Health', 'Call us today - Open Monday'];
    const out = sent(track(Object.fromEntries(labels.map((l, i) => [`label_${i}`, l]))));
    for (const l of labels) expect(out).toContain(l);
  });
});

describe('a continental postcode and city after a street address', () => {
  it.each([
    ['German', 'Bitte an Lindenstraße 14, 10969 Berlin senden', '10969'],
    ['Spanish', 'Calle Mayor 12, 28013 Madrid', '28013'],
    ['French, number first', 'Je vis au 12 rue de la Paix, 75002 Paris', '75002'],
  ])('removes them in %s', (_what, text, code) => {
    const out = sent(track({ q2_response: text }));
    expect(out).not.toContain(code);
  });

  it('keeps a year after an address without a comma', () => {
    expect(sent(track({ q2_response: 'Hauptstraße 5 2026 Berlin trip' }))).toContain('2026 Berlin trip');
  });
});

describe('consent strings', () => {
  it('keeps a TCF v2 string and a GPP string carrying one; an id of the same letters and digits goes', () => {
    const tcf = 'COvFyGBOvFyGBAbAAAENAPCAAOAAAAAAAAAAAEEUACCKAAA.IFoQD8IkKYBmwGqBmwZQZwAA';
    const gpp = 'DBABMA~CQGxBYAQGxBYAAKA1AENBLFsAP_gAEPgAAqIJ3AF5C5EQCFAcHxTcIAAAAAAAA';
    const out = sent(track({ gdpr_consent: tcf, gpp_string: gpp, member_code: 'CMR00012345ABCD9876' }));
    expect(out).toContain(tcf);
    expect(out).toContain(gpp);
    expect(out).not.toContain('CMR00012345ABCD9876');
  });
});

describe('the prefilter', () => {
  it('skips no text the new cues would read', () => {
    const parts = ['Hola, ', 'soy ', 'je suis ', 'ich bin ', "it's ", 'Tên tôi là ', ' - ', 'me ', 'Jane ', 'Doe', 'Lindenstraße 14', ', 10969 ', 'Berlin', '.', 'x'];
    expectPrefilterSound(parts, { maxLength: 7, numRuns: 2000, examples: [["it's Jane Doe"], ['Hola, soy Jane Doe'], ['me - Jane Doe']] });
  });
});
